import { describe, expect, it } from 'vitest'
import { matchClaimant } from '../../../src/core/attribution/matchClaimant'

const SOURCES = [
  { id: 'union', name: "Velmora Dockers' Union", aliases: ['the union', 'VDU'] },
  { id: 'reyl', name: 'Tomás Reyl', aliases: [] },
  { id: 'marrow', name: 'Ilse Marrow', aliases: [] },
  { id: 'port', name: 'Port Authority', aliases: ['the authority'] },
  { id: 'port-press', name: 'Port Authority press office', aliases: ['the authority'] }
]

describe('matchClaimant', () => {
  it.each([
    ['Velmora Dockers’ Union', 'union'],
    ['the Velmora dockers union', 'union'],
    ['The union', 'union'],
    ['vdu', 'union'],
    ['Tomas Reyl', 'reyl'],
    ['A spokesperson, Tomas Reyl', 'reyl'],
    ["Ilse Marrow, secretary of the Velmora Dockers' Union", 'marrow'],
    ['the Port Authority', 'port']
  ])('%s → %s', (claimant, id) => {
    expect(matchClaimant(claimant, SOURCES)).toBe(id)
  })

  it('matches no source for an unknown claimant or one only mentioned in passing', () => {
    expect(matchClaimant('Two freight forwarders', SOURCES)).toBeUndefined()
    expect(matchClaimant('Critics of the Port Authority', SOURCES)).toBeUndefined()
    expect(matchClaimant('', SOURCES)).toBeUndefined()
  })

  it('leaves an alias two sources share to the analyst', () => {
    expect(matchClaimant('the authority', SOURCES)).toBeUndefined()
  })
})
