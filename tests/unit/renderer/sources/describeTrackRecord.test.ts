import { describe, expect, it } from 'vitest'
import { describeTrackRecord } from '../../../../src/renderer/src/sources/describeTrackRecord'
import { parseAliases } from '../../../../src/renderer/src/sources/parseAliases'

describe('the sources registry', () => {
  it('says how a source’s claims stand, verdicts first, zeros left out', () => {
    const none = {
      unreviewed: 0,
      checking: 0,
      supported: 0,
      disputed: 0,
      refuted: 0,
      unverifiable: 0
    }
    expect(describeTrackRecord(none)).toBe('no claims')
    expect(describeTrackRecord({ ...none, unreviewed: 3, supported: 2, refuted: 1 })).toBe(
      '2 supported, 1 refuted, 3 unreviewed'
    )
    expect(describeTrackRecord({ ...none, disputed: 1200 })).toBe('1,200 disputed')
  })

  it('reads aliases one per line, each once, commas kept', () => {
    expect(parseAliases(' Marrow, Ilse \n\nI. Marrow\nI. Marrow\n')).toEqual([
      'Marrow, Ilse',
      'I. Marrow'
    ])
  })
})
