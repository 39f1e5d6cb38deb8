/**
 * Files per importFiles call, and bytes: small enough to show progress and to cancel,
 * large enough that the index (rewritten durably once per call) is not rewritten per file.
 * The same 500 files as the core's own batches (ImportBatch): with 100 a call, a
 * thousand files from the page took 2.2 times what the core takes for them (`npm run
 * bench`, import-ui-total), with 500 1.8 times.
 */
const MAX_FILES = 500
const MAX_BYTES = 8 * 1024 * 1024

/** Splits files into import batches; a file larger than MAX_BYTES goes alone. */
export function planBatches<T extends { size: number }>(files: T[]): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const file of files) {
    if (current.length > 0 && (current.length >= MAX_FILES || bytes + file.size > MAX_BYTES)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length > 0) batches.push(current)
  return batches
}
