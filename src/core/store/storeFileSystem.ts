import * as fs from 'node:fs/promises'

/**
 * The file operations of the store's durable writes, in one small facade. Production uses
 * node:fs; tests put a recording or failing one in its place (`useStoreFileSystem`) to
 * inject ENOSPC, EIO, EACCES or a vanished folder, and to replay only what was fsynced, as
 * a power loss would leave it.
 */
export interface StoreFileSystem {
  /** Creates `path` exclusively with `mode` and returns a handle to write and sync. */
  create(path: string, mode: number): Promise<StoreFileHandle>
  rename(from: string, to: string): Promise<void>
  remove(path: string): Promise<void>
  /** fsyncs a folder, so the renames and creations in it survive a power loss. */
  syncFolder(path: string): Promise<void>
}

export interface StoreFileHandle {
  write(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

const nodeFileSystem: StoreFileSystem = {
  async create(path, mode) {
    const handle = await fs.open(path, 'wx', mode)
    return {
      write: (data) => handle.writeFile(data),
      sync: () => handle.sync(),
      close: () => handle.close()
    }
  },
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { force: true }),
  async syncFolder(path) {
    // Windows cannot open folders; NTFS journals renames.
    if (process.platform === 'win32') return
    const handle = await fs.open(path, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}

let current: StoreFileSystem = nodeFileSystem

/** The file system the store writes through. */
export function storeFileSystem(): StoreFileSystem {
  return current
}

/** For tests: writes go through `fileSystem` until the returned function is called. */
export function useStoreFileSystem(fileSystem: StoreFileSystem): () => void {
  current = fileSystem
  return () => {
    current = nodeFileSystem
  }
}

/** The real one, for wrappers that record or fail some operations and pass the rest on. */
export { nodeFileSystem }
