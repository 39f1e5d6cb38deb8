import { fitFileName } from './fitFileName'

/**
 * `name`, or `name (2)`, `name (3)`… — the first that `taken` does not hold, compared
 * without case (macOS and Windows file systems ignore it). The name is added to `taken`.
 */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.')
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : fitFileName(stem, ` (${n})${extension}`)
    if (taken.has(candidate.toLowerCase())) continue
    taken.add(candidate.toLowerCase())
    return candidate
  }
}
