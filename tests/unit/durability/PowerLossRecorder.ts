import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { StoreFileSystem } from '../../../src/core/store/storeFileSystem'
import { nodeFileSystem } from '../../../src/core/store/storeFileSystem'

interface Inode {
  /** What a power loss would leave: the content as of the last fsync (none: empty). */
  durable?: Buffer
  volatile: Buffer
}

/**
 * A model of what a disk keeps through a power loss, fed by the store's file facade:
 * a file's content survives only once fsynced, and a creation, rename or removal in a
 * folder only once that folder is fsynced. Every operation is passed on to the real file
 * system as well; `stateAt(n)` says what the disk would hold after a power loss right
 * after the n-th operation.
 */
export class PowerLossRecorder {
  readonly #root: string
  readonly #ops: ((state: ModelState) => void)[] = []
  readonly #initial: ModelState

  private constructor(root: string, initial: ModelState) {
    this.#root = root
    this.#initial = initial
  }

  /** Starts from the files under `root` as they are now (all durable). */
  static async start(root: string): Promise<PowerLossRecorder> {
    const state = new ModelState()
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      const bytes = await readFile(path)
      const inode: Inode = { durable: bytes, volatile: bytes }
      state.volatile.set(path, inode)
      state.durable.set(path, inode)
    }
    return new PowerLossRecorder(root, state)
  }

  get operations(): number {
    return this.#ops.length
  }

  readonly fileSystem: StoreFileSystem = {
    create: async (path, mode) => {
      const real = await nodeFileSystem.create(path, mode)
      const inode: Inode = { volatile: Buffer.alloc(0) }
      // Each replay starts this file afresh: a shorter replay must not see later syncs.
      this.#ops.push((s) => {
        inode.volatile = Buffer.alloc(0)
        delete inode.durable
        s.volatile.set(path, inode)
      })
      return {
        write: async (data) => {
          await real.write(data)
          const bytes = Buffer.from(data)
          this.#ops.push(() => (inode.volatile = bytes))
        },
        sync: async () => {
          await real.sync()
          this.#ops.push(() => (inode.durable = inode.volatile))
        },
        close: () => real.close()
      }
    },
    rename: async (from, to) => {
      await nodeFileSystem.rename(from, to)
      this.#ops.push((s) => {
        const inode = s.volatile.get(from)
        s.volatile.delete(from)
        if (inode) s.volatile.set(to, inode)
      })
    },
    remove: async (path) => {
      await nodeFileSystem.remove(path)
      this.#ops.push((s) => s.volatile.delete(path))
    },
    syncFolder: async (folder) => {
      await nodeFileSystem.syncFolder(folder)
      this.#ops.push((s) => s.syncFolder(folder))
    }
  }

  /** Writes what a power loss after operation `n` would leave into `target`. */
  async materialize(n: number, target: string): Promise<void> {
    const state = this.#initial.clone()
    for (const op of this.#ops.slice(0, n)) op(state)
    for (const [path, inode] of state.durable) {
      const out = join(target, relative(this.#root, path))
      await mkdir(dirname(out), { recursive: true })
      await writeFile(out, inode.durable ?? Buffer.alloc(0))
    }
  }
}

class ModelState {
  volatile = new Map<string, Inode>()
  durable = new Map<string, Inode>()

  /** Inodes are shared (content changes replay onto them); only the entries are copied. */
  clone(): ModelState {
    const copy = new ModelState()
    const inodes = new Map<Inode, Inode>()
    const twin = (inode: Inode): Inode => {
      let t = inodes.get(inode)
      if (!t)
        inodes.set(
          inode,
          (t = { ...(inode.durable ? { durable: inode.durable } : {}), volatile: inode.volatile })
        )
      return t
    }
    for (const [path, inode] of this.volatile) copy.volatile.set(path, twin(inode))
    for (const [path, inode] of this.durable) copy.durable.set(path, twin(inode))
    return copy
  }

  syncFolder(folder: string): void {
    for (const path of [...this.durable.keys()])
      if (dirname(path) === folder) this.durable.delete(path)
    for (const [path, inode] of this.volatile)
      if (dirname(path) === folder) this.durable.set(path, inode)
  }
}
