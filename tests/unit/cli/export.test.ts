import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../../src/shared/article'
import { repoRoot } from '../store/runTsArgs'
import { runDossier, storedFiles } from './runDossier'

/** `dossier export` and `dossier restore`, through the built CLI, on temp libraries. */

const fixtures = resolve(repoRoot, 'tests/fixtures/articles')
let root: string
let data: string
let articles: ArticleMeta[]

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-export-'))
  data = join(root, 'library')
  const imported = await runDossier(
    data,
    'import',
    join(fixtures, 'harbor-strike-wire.txt'),
    join(fixtures, 'harbor-strike-opinion.txt')
  )
  expect(imported.code, imported.stderr).toBe(0)
  const run = await runDossier(
    data,
    'annotate',
    '7e83b643',
    '--quote',
    'roughly 2,400 workers',
    '--claim',
    '--claimant',
    'Ilse Marrow',
    '--status',
    'disputed'
  )
  expect(run.code, run.stderr).toBe(0)
  articles = JSON.parse((await runDossier(data, '--json', 'list')).stdout) as ArticleMeta[]
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('dossier export', () => {
  it('writes to stdout without --out, exactly the export', async () => {
    const run = await runDossier(data, 'export', '--format', 'wa', '--article', '7e83')
    expect(run.code, run.stderr).toBe(0)
    const collection = JSON.parse(run.stdout)
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.first.items).toHaveLength(1)
  })

  it('refuses to replace a file unless --force, and changes nothing', async () => {
    const out = join(root, 'report.html')
    await writeFile(out, 'mine')
    const refused = await runDossier(data, 'export', '--format', 'html', '--out', out)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /report\.html already exists; nothing was written\. Add --force to replace\./
    )
    expect(await readFile(out, 'utf8')).toBe('mine')
    const forced = await runDossier(data, 'export', '--format', 'html', '--out', out, '--force')
    expect(forced.code, forced.stderr).toBe(0)
    expect(await readFile(out, 'utf8')).toMatch(/^<!doctype html>/)
  })

  it('splits Markdown into a folder, one file per article', async () => {
    const folder = join(root, 'notes')
    const run = await runDossier(data, 'export', '--format', 'md', '--split', '--out', folder)
    expect(run.code, run.stderr).toBe(0)
    for (const article of articles) expect(run.stdout).toContain(article.title)
    const noOut = await runDossier(data, 'export', '--format', 'md', '--split')
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toMatch(/--out: this export is 2 files/)
  })

  it('names the flag that is wrong', async () => {
    const badFormat = await runDossier(data, 'export', '--format', 'pdf')
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toMatch(/--format.*must be one of md, csv, json, wa, html/)
    const filtered = await runDossier(data, 'export', '--format', 'json', '--status', 'disputed')
    expect(filtered.code).toBe(2)
    expect(filtered.stderr).toMatch(/--format: a backup keeps every record/)
    const unknown = await runDossier(data, 'export', '--format', 'csv', '--article', 'ffffffff')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/No article with id ffffffff/)
  })
})

describe('dossier restore', () => {
  it('restores a backup into an empty library exactly, and merges it without duplicates', async () => {
    const backup = join(root, 'backup.json')
    expect((await runDossier(data, 'export', '--format', 'json', '--out', backup)).code).toBe(0)
    const copy = join(root, 'copy')
    const restored = await runDossier(copy, 'restore', backup)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(
      /^added {5}2 articles, 0 highlights, 1 claims, 0 links, 1 sources/m
    )
    const again = await runDossier(copy, 'export', '--format', 'json')
    const strip = (text: string): string => text.replace(/"exportedAt":"[^"]+"/, '')
    expect(strip(again.stdout)).toBe(strip(await readFile(backup, 'utf8')))

    const refused = await runDossier(copy, 'restore', backup)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/not empty/)
    const merged = await runDossier(copy, 'restore', backup, '--merge')
    expect(merged.code, merged.stderr).toBe(0)
    expect(merged.stdout).toMatch(/^unchanged 2 articles/m)
  })

  it('refuses a backup of a newer format by name, changing nothing', async () => {
    const backup = JSON.parse((await runDossier(data, 'export', '--format', 'json')).stdout)
    const newer = join(root, 'from-the-future.json')
    await writeFile(newer, JSON.stringify({ ...backup, format: 99 }))
    const target = join(root, 'empty')
    const before = await storedFiles(data)
    const run = await runDossier(target, 'restore', newer)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /from-the-future\.json was written by a newer version of Dossier \(format 99;/
    )
    expect((await runDossier(target, '--json', 'list')).stdout.trim()).toBe('[]')
    expect(await storedFiles(data)).toEqual(before)
  })
})
