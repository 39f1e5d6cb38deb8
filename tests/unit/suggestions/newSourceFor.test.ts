import { describe, expect, it } from 'vitest'
import { newSourceFor } from '../../../src/core/suggestions/newSourceFor'
import type { SuggestedAttribution } from '../../../src/shared/suggestion'

describe('the source a new claimant becomes', () => {
  it.each<[string, SuggestedAttribution, ReturnType<typeof newSourceFor>]>([
    ["Ilse Marrow, the union's chief negotiator", 'named', { name: 'Ilse Marrow', kind: 'person' }],
    ['Its spokesperson, Tomas Reyl', 'named', { name: 'Tomas Reyl', kind: 'person' }],
    ["Velmora Dockers' Union", 'named', { name: "Velmora Dockers' Union", kind: 'organisation' }],
    ['The Port Authority', 'named', { name: 'Port Authority', kind: 'organisation' }],
    ['the transport ministry', 'named', { name: 'the transport ministry', kind: 'organisation' }],
    [
      'Economists at Velmora Commercial Bank',
      'named',
      { name: 'Economists at Velmora Commercial Bank', kind: 'organisation' }
    ],
    ['a leaked report', 'named', { name: 'a leaked report', kind: 'document' }],
    [
      'sources close to the talks',
      'anonymous',
      { name: 'sources close to the talks', kind: 'anonymous' }
    ],
    ['she', 'named', undefined],
    ['', 'unattributed', undefined]
  ])('%s (%s)', (claimant, attribution, expected) => {
    expect(newSourceFor({ claimant, attribution })).toEqual(expected)
  })
})
