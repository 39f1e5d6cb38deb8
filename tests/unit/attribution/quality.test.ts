import { beforeAll, describe, expect, it } from 'vitest'
import { findAttributions } from '../../../src/core/attribution/findAttributions'
import type { Suggestion } from '../../../src/shared/suggestion'
import type { LabelledText } from './labelledSet'
import { readLabelledSet } from './labelledSet'
import type { Score } from './scoreSuggestions'
import { addScores, scoreSuggestions } from './scoreSuggestions'

/** Issue #17's bar, on passage + claimant, and on the type of matched pairs. */
const MIN_RECALL = 0.85
const MIN_PRECISION = 0.85
const MIN_TYPE_ACCURACY = 0.9
const MIN_TEXTS = 12
const WORDS = { min: 80, max: 250 }

interface Figures {
  recall: number
  precision: number
  type: number
}

const figuresOf = (score: Score): Figures => ({
  recall: score.matched / score.labelled,
  precision: score.matched / score.found,
  type: score.sameType / score.matched
})

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`

describe('the attribution finder on the labelled set', () => {
  let set: LabelledText[]
  const found = new Map<string, Suggestion[]>()
  beforeAll(async () => {
    set = await readLabelledSet()
    for (const text of set) found.set(text.name, await findAttributions(text.text))
  })

  it('is a set worth measuring on: enough short texts of its own, each with its claims', () => {
    const own = set.filter((text) => text.own)
    expect(own.length).toBeGreaterThanOrEqual(MIN_TEXTS)
    for (const { name, text, claims } of own) {
      const words = text.split(/\s+/).filter(Boolean).length
      expect(words, name).toBeGreaterThanOrEqual(WORDS.min)
      expect(words, name).toBeLessThanOrEqual(WORDS.max)
      expect(claims.length, name).toBeGreaterThan(0)
    }
  })

  it('gives offsets into the exact text', () => {
    for (const { name, text } of set) {
      for (const suggestion of found.get(name)!) {
        expect(text.slice(suggestion.start, suggestion.end), name).toBe(suggestion.quote)
        expect(text.slice(suggestion.cueStart, suggestion.cueEnd), name).toBe(suggestion.cue)
        if (suggestion.claimantStart !== undefined)
          expect(text.slice(suggestion.claimantStart, suggestion.claimantEnd), name).toBe(
            suggestion.claimant
          )
      }
    }
  })

  it(`finds passage and claimant with recall ≥ ${percent(MIN_RECALL)} and precision ≥ ${percent(MIN_PRECISION)}, and the type of ≥ ${percent(MIN_TYPE_ACCURACY)}`, () => {
    const scores = set.map((text) => ({
      text,
      score: scoreSuggestions(text.claims, found.get(text.name)!)
    }))
    const heldOut = scores.filter(({ text }) => text.about.startsWith('held out'))
    const rows: [string, Score][] = [
      ['all texts', addScores(scores.map(({ score }) => score))],
      [
        'the first 13 (labelled before any rule)',
        addScores(scores.filter((s) => !heldOut.includes(s)).map(({ score }) => score))
      ],
      ['held out (now also tuned on)', addScores(heldOut.map(({ score }) => score))]
    ]
    const report = rows.map(([label, score]) => {
      const { recall, precision, type } = figuresOf(score)
      return `${label}: ${score.labelled} labelled, ${score.found} found, ${score.matched} matched; recall ${percent(recall)}, precision ${percent(precision)}, type ${percent(type)}`
    })
    const all = rows[0][1]
    const details = [
      ...all.missed.map((label) => `missed: [${label.claimant}] ${label.cue}: ${label.passage}`),
      ...all.spurious.map((s) => `spurious: [${s.claimant}] ${s.cue}: ${s.quote}`),
      ...all.wrongType.map(
        ({ label, found }) => `type ${found.attribution} for ${label.attribution}: ${label.passage}`
      )
    ]
    console.log(['Attribution finder quality', ...report, ...details].join('\n  '))
    const { recall, precision, type } = figuresOf(all)
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL)
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION)
    expect(type).toBeGreaterThanOrEqual(MIN_TYPE_ACCURACY)
  })
})
