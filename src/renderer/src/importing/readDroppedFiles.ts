import type { ImportFilePayload } from '../../../shared/importing'
import { bytesToBase64 } from './bytesToBase64'

/** Reads files the user picked or dropped into payloads for `importFiles`. */
export async function toPayloads(files: File[]): Promise<ImportFilePayload[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.webkitRelativePath || file.name,
      dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
      lastModified: file.lastModified
    }))
  )
}

/** The files of a drop, folders walked recursively (hidden files skipped). */
export async function readDroppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null)
  if (entries.length === 0) return [...transfer.files]
  const files: File[] = []
  for (const entry of entries) await collect(entry, files)
  return files
}

async function collect(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (entry.name.startsWith('.')) return
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject)
    )
    into.push(
      new File([file], entry.fullPath.replace(/^\//, ''), { lastModified: file.lastModified })
    )
    return
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject)
    )
    if (batch.length === 0) return
    for (const child of batch.sort((a, b) => a.name.localeCompare(b.name)))
      await collect(child, into)
  }
}
