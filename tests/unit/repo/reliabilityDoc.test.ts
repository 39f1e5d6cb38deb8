import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../../..')

/** Lower case, one space between words, straight quotes: how names are compared. */
const normal = (text: string): string =>
  text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * Replaces the bracketed table cases and parenthetical remarks after a test name with a
 * mark; a name is compared up to its first mark (a name may hold brackets of its own).
 */
const REMARK = '\u0000'
function stripRemarks(text: string): string {
  let out = ''
  let depth = 0
  for (const ch of text) {
    if (ch === '[' || ch === '(') {
      if (depth === 0) out += REMARK
      depth++
    } else if ((ch === ']' || ch === ')') && depth > 0) depth--
    else if (depth === 0) out += ch
  }
  return out
}

/**
 * Each bullet of RELIABILITY.md that names tests, as written: `file` › describe › test;
 * other names of the same files follow `;` or `›`.
 */
function namedTests(doc: string): { line: number; files: string[]; names: string[] }[] {
  const bullets: { line: number; text: string }[] = []
  doc.split('\n').forEach((text, i) => {
    if (text.startsWith('- ')) bullets.push({ line: i + 1, text })
    else if (text.startsWith('  ') && bullets.length > 0) bullets.at(-1)!.text += ` ${text}`
    else if (!text.startsWith('- ')) bullets.push({ line: i + 1, text: '' })
  })
  return bullets
    .filter((b) => b.text.includes('›'))
    .map(({ line, text }) => {
      const files = [...text.matchAll(/`(tests\/[^`]+)`/g)].map((m) => m[1]!)
      const names = stripRemarks(text)
        .split('›')
        .slice(1)
        .flatMap((part) => part.split(';'))
        .map((part) => part.replace(/`tests\/[^`]+`.*$/, ''))
        .map((part) => part.split(REMARK)[0]!.split(/\.\s+(?=[A-Z])/)[0]!)
        .map((part) => normal(part.replace(/`/g, '')).replace(/[.,:]$/, ''))
        .filter((name) => name.length >= 8 && !name.startsWith('not covered'))
      return { line, files, names }
    })
}

describe('RELIABILITY.md', () => {
  const doc = readFileSync(resolve(repo, 'RELIABILITY.md'), 'utf8')
  const bullets = namedTests(doc)

  it('names at least one test for most scenarios', () => {
    expect(bullets.length).toBeGreaterThan(60)
  })

  it('every test file it names exists', () => {
    const missing = bullets.flatMap(({ line, files }) =>
      files.filter((file) => !existsSync(resolve(repo, file))).map((file) => `${line}: ${file}`)
    )
    expect(missing).toEqual([])
  })

  it('every test it names is in the file it names (by its name up to any remark)', () => {
    const missing: string[] = []
    for (const { line, files, names } of bullets) {
      const sources = files
        .filter((file) => existsSync(resolve(repo, file)))
        .map((file) => normal(readFileSync(resolve(repo, file), 'utf8').replace(/`/g, '')))
      if (sources.length === 0) continue
      for (const name of names) {
        if (!sources.some((source) => source.includes(name))) missing.push(`${line}: ${name}`)
      }
    }
    expect(missing).toEqual([])
  })
})
