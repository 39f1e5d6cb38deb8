import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { ParsedInputOf } from '../../shared/api'
import { DossierError } from '../../shared/result'
import type { Source } from '../../shared/source'
import { commitChange, restoreFields } from './commitChange'
import { DurableJsonFile } from './DurableJsonFile'
import type { SourcesFile } from './files'
import { FORMAT_VERSION, SourcesFile as SourcesFileSchema } from './files'
import { noMigrations } from './migrations'
import type { RecoveryHost } from './readRecovering'
import { readRecovering } from './readRecovering'
import { salvageRecords } from './salvageRecords'
import { Source as SourceSchema } from '../../shared/source'
import { mergeById } from './mergeById'

/** Names compare without case, accents or surrounding space: "Velmora Dockers’ Union". */
export function sourceKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").trim().toLowerCase()
}

/**
 * `sources.json`: the library's registry of claimants. A source's reliability is graded
 * here once, with every change and its reason kept; deleted and merged sources stay as
 * tombstones, so claims and undo can still name them.
 */
export class SourceRegistry {
  readonly #file: Low<SourcesFile>
  readonly #byId = new Map<string, Source>()

  private constructor(file: Low<SourcesFile>) {
    this.#file = file
  }

  static async open(dataDir: string, recovery: RecoveryHost): Promise<SourceRegistry> {
    const adapter = new DurableJsonFile(
      join(dataDir, 'sources.json'),
      SourcesFileSchema,
      noMigrations
    )
    const file = new Low<SourcesFile>(adapter, { format: FORMAT_VERSION, sources: [] })
    await readRecovering(file, recovery, {
      what: 'the sources registry',
      salvage: (text, restored) => {
        const found = salvageRecords(text, 'sources', SourceSchema)
        return {
          data: { ...restored, sources: mergeById(restored.sources, found) },
          salvaged: found.length
        }
      }
    })
    const registry = new SourceRegistry(file)
    for (const source of file.data.sources) registry.#byId.set(source.id, source)
    return registry
  }

  /** Live sources, by name. */
  list(): Source[] {
    return this.#file.data.sources
      .filter((source) => source.deletedAt === undefined)
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  /** A source by id, tombstones included (a claim may name a deleted one). */
  byId(id: string): Source | undefined {
    return this.#byId.get(id)
  }

  /** A live source, or a clear error naming the field. */
  live(id: string, field = 'sourceId'): Source {
    const source = this.#byId.get(id)
    if (!source || source.deletedAt !== undefined)
      throw new DossierError('not_found', `${field}: no source ${id} in the registry.`)
    return source
  }

  /** The live source whose name or an alias matches `name`. */
  findByName(name: string): Source | undefined {
    const key = sourceKey(name)
    return this.list().find(
      (source) =>
        sourceKey(source.name) === key || source.aliases.some((alias) => sourceKey(alias) === key)
    )
  }

  async create(input: ParsedInputOf<'createSource'>): Promise<Source> {
    const taken = this.findByName(input.name)
    if (taken)
      throw new DossierError(
        'invalid_input',
        `name: "${input.name}" is already in the registry as "${taken.name}".`
      )
    if (input.id && this.#byId.has(input.id))
      throw new DossierError('invalid_input', `id: source ${input.id} already exists.`)
    const now = new Date().toISOString()
    const source: Source = {
      id: input.id ?? randomUUID(),
      name: input.name,
      kind: input.kind,
      aliases: input.aliases ?? [],
      gradeHistory: [],
      note: input.note ?? '',
      createdAt: now,
      updatedAt: now
    }
    await this.#change(() => {
      this.#file.data.sources.push(source)
      this.#byId.set(source.id, source)
      return () => {
        this.#file.data.sources = this.#file.data.sources.filter((s) => s !== source)
        this.#byId.delete(source.id)
      }
    })
    return source
  }

  async update(input: ParsedInputOf<'updateSource'>): Promise<Source> {
    const source = this.live(input.id, 'id')
    if (input.name !== undefined) {
      const taken = this.findByName(input.name)
      if (taken && taken !== source)
        throw new DossierError(
          'invalid_input',
          `name: "${input.name}" is already in the registry as "${taken.name}".`
        )
    }
    await this.#edit(source, () => {
      if (input.name !== undefined) source.name = input.name
      if (input.kind !== undefined) source.kind = input.kind
      if (input.aliases !== undefined) source.aliases = input.aliases
      if (input.note !== undefined) source.note = input.note
    })
    return source
  }

  /** Grades (or ungrades) a source's reliability; the change and its reason are kept. */
  async grade(input: ParsedInputOf<'gradeSource'>): Promise<Source> {
    const source = this.live(input.id, 'id')
    const to = input.reliability ?? undefined
    await this.#edit(source, () => {
      source.gradeHistory = [
        ...source.gradeHistory,
        {
          at: new Date().toISOString(),
          ...(source.reliability ? { from: source.reliability } : {}),
          ...(to ? { to } : {}),
          reason: input.reason
        }
      ]
      if (to) source.reliability = to
      else delete source.reliability
    })
    return source
  }

  /**
   * Marks `merged` as merged into `survivor`: its name and aliases become the survivor's
   * aliases, and the claims that were repointed are recorded, so unmerging restores them.
   */
  async markMerged(
    survivor: Source,
    merged: Source,
    claims: { articleId: string; claimId: string }[]
  ): Promise<void> {
    const survivorBefore = { ...survivor }
    const mergedBefore = { ...merged }
    const now = new Date().toISOString()
    survivor.aliases = [...new Set([...survivor.aliases, merged.name, ...merged.aliases])]
    survivor.updatedAt = now
    Object.assign(merged, {
      deletedAt: now,
      updatedAt: now,
      mergedInto: survivor.id,
      mergedClaims: claims
    })
    await commitChange(this.#file, () => {
      restoreFields(survivor, survivorBefore)
      restoreFields(merged, mergedBefore)
    })
  }

  /** Brings a merged source back and takes its names off the survivor. */
  async markUnmerged(merged: Source): Promise<void> {
    const survivor = merged.mergedInto ? this.#byId.get(merged.mergedInto) : undefined
    const survivorBefore = survivor ? { ...survivor } : undefined
    const mergedBefore = { ...merged }
    const now = new Date().toISOString()
    if (survivor) {
      const names = new Set([merged.name, ...merged.aliases].map(sourceKey))
      const own = new Set(survivorBefore!.aliases.filter((alias) => !names.has(sourceKey(alias))))
      survivor.aliases = survivor.aliases.filter((alias) => own.has(alias))
      survivor.updatedAt = now
    }
    delete merged.deletedAt
    delete merged.mergedInto
    delete merged.mergedClaims
    merged.updatedAt = now
    await commitChange(this.#file, () => {
      if (survivor) restoreFields(survivor, survivorBefore!)
      restoreFields(merged, mergedBefore)
    })
  }

  /** Deletes a source, leaving it as a tombstone. */
  async remove(id: string): Promise<void> {
    const source = this.live(id, 'id')
    await this.#edit(source, () => (source.deletedAt = new Date().toISOString()))
  }

  async undelete(id: string): Promise<Source> {
    const source = this.#byId.get(id)
    if (!source || source.deletedAt === undefined || source.mergedInto !== undefined)
      throw new DossierError('not_found', `id: no deleted source ${id} to bring back.`)
    const taken = this.findByName(source.name)
    if (taken)
      throw new DossierError(
        'invalid_input',
        `name: "${source.name}" is in the registry again as "${taken.name}"; rename one first.`
      )
    await this.#edit(source, () => delete source.deletedAt)
    return source
  }

  /** Copies of every source, tombstones included, in the schema's field order. */
  copyAll(): Source[] {
    return this.#file.data.sources.map((source) => SourceSchema.parse(source))
  }

  /** Replaces the whole registry with a restored one, in one write. */
  async replaceAll(sources: Source[]): Promise<void> {
    const before = this.#file.data.sources
    const apply = (list: Source[]): void => {
      this.#file.data.sources = list
      this.#byId.clear()
      for (const source of list) this.#byId.set(source.id, source)
    }
    apply(sources)
    await commitChange(this.#file, () => apply(before))
  }

  /** Settles when no write is in flight; then writes nothing more. */
  async settled(): Promise<void> {
    if (this.#file.adapter instanceof DurableJsonFile) await this.#file.adapter.settled()
  }

  /** Applies `change` to one source and saves, or restores it exactly if the save fails. */
  async #edit(source: Source, change: () => void): Promise<void> {
    const before = { ...source }
    change()
    source.updatedAt = new Date().toISOString()
    await commitChange(this.#file, () => restoreFields(source, before))
  }

  async #change(apply: () => () => void): Promise<void> {
    const revert = apply()
    await commitChange(this.#file, revert)
  }
}
