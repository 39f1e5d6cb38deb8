import type { z } from 'zod'

/**
 * The valid records of a damaged JSON file's array `key`, read object by object, so a file
 * truncated at its end (a crash mid-copy, a full disk outside Dossier) still gives back
 * every record that is complete. Each is checked against `schema`; the rest is skipped.
 */
export function salvageRecords<T>(text: string, key: string, schema: z.ZodType<T>): T[] {
  const start = text.indexOf(`"${key}":[`)
  if (start < 0) return []
  const records: T[] = []
  let depth = 0
  let inString = false
  let escaped = false
  let objectStart = -1
  for (let i = start + key.length + 4; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (escaped) escaped = false
      else if (c === '\\') escaped = true
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{') {
      if (depth === 0) objectStart = i
      depth++
    } else if (c === '}') {
      depth--
      if (depth === 0 && objectStart >= 0) {
        const parsed = parseRecord(text.slice(objectStart, i + 1), schema)
        if (parsed !== undefined) records.push(parsed)
        objectStart = -1
      }
      if (depth < 0) break
    } else if (c === ']' && depth === 0) break
  }
  return records
}

function parseRecord<T>(json: string, schema: z.ZodType<T>): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(json))
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}
