/**
 * The first non-empty line when it reads like a headline (short, no full stop at the
 * end), else `fallback`.
 */
export function titleFromText(text: string, fallback: string): string {
  const firstLine = text
    .split('\n', 20)
    .map((line) => line.trim())
    .find((line) => line !== '')
  if (firstLine && firstLine.length <= 200 && !/[.;,:]$/.test(firstLine))
    return firstLine.replace(/^#+\s*/, '')
  return fallback
}
