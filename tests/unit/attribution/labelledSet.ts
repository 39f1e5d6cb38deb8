import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { z } from 'zod'

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/attribution')

const Label = z.object({
  passage: z.string().min(1),
  occurrence: z.number().int().positive().default(1),
  claimant: z.string(),
  refersTo: z.string().optional(),
  cue: z.string().min(1),
  attribution: z.enum(['named', 'anonymous', 'unattributed'])
})
const LabelFile = z.object({
  about: z.string(),
  /** A text kept elsewhere in tests/fixtures, relative to this folder; else `NAME.txt`. */
  text: z.string().optional(),
  claims: z.array(Label)
})

/** One labelled claim with its passage located in the text. */
export interface LabelledClaim extends z.infer<typeof Label> {
  start: number
  end: number
}

export interface LabelledText {
  name: string
  text: string
  /** Written for this set, rather than labelled in another fixture. */
  own: boolean
  about: string
  claims: LabelledClaim[]
}

/**
 * Every `NAME.json` of the labelled set with its text (`NAME.txt`, or the fixture it names). Fails loudly on a label whose
 * passage, claimant or cue is not in the text, so that a typo cannot pass for a miss.
 */
export async function readLabelledSet(): Promise<LabelledText[]> {
  const names = (await readdir(FIXTURES))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
  return Promise.all(
    names.map(async (name) => {
      const file = LabelFile.parse(
        JSON.parse(await readFile(join(FIXTURES, `${name}.json`), 'utf8'))
      )
      const text = await readFile(join(FIXTURES, file.text ?? `${name}.txt`), 'utf8')
      const claims = file.claims.map((label) => {
        const start = nthIndexOf(text, label.passage, label.occurrence)
        if (start < 0) throw new Error(`${name}.json: passage not in the text: ${label.passage}`)
        for (const part of [label.claimant, label.cue, label.refersTo ?? ''])
          if (!text.includes(part)) throw new Error(`${name}.json: not in the text: ${part}`)
        return { ...label, start, end: start + label.passage.length }
      })
      return { name, text, own: file.text === undefined, about: file.about, claims }
    })
  )
}

function nthIndexOf(text: string, part: string, occurrence: number): number {
  let at = -1
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(part, at + 1)
    if (at < 0) return -1
  }
  return at
}
