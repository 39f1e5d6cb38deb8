import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateArticleText } from './generateText'
import { SeededRandom } from './SeededRandom'

/** A different stream from the libraries', so imported files are never duplicates. */
const IMPORT_STREAM = 0x1e1e1e1e

/** `count` UTF-8 .txt files of about `bytes` each (±10%), as an analyst's download folder. */
export async function writeImportFolder(
  dir: string,
  { seed, count, bytes }: { seed: number; count: number; bytes: number }
): Promise<{ dir: string; count: number; totalBytes: number }> {
  await mkdir(dir, { recursive: true })
  let totalBytes = 0
  for (let index = 0; index < count; index++) {
    const random = SeededRandom.forItem(seed ^ IMPORT_STREAM, index)
    const { text } = generateArticleText(random, Math.round(bytes * (0.9 + 0.2 * random.next())))
    totalBytes += Buffer.byteLength(text)
    await writeFile(join(dir, `download-${String(index).padStart(4, '0')}.txt`), text)
  }
  return { dir, count, totalBytes }
}
