import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimLibrary, opinionText, span, thirdText, wireText } from './claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

/** Three claims that repeat one figure, each from its own claimant, and one that denies it. */
async function figureClaims() {
  const { library, wire, opinion, third } = env
  const union = await library.createSource({ name: 'Union', kind: 'organisation' })
  const forwarder = await library.createSource({ name: 'A forwarder', kind: 'person' })
  const payroll = await library.createSource({ name: 'Payroll records', kind: 'document' })
  const unionClaim = await library.createClaim({
    articleId: wire.id,
    ...span(wireText, 'roughly 2,400 workers walked out'),
    sourceId: union.id
  })
  const forwarderClaim = await library.createClaim({
    articleId: third.id,
    ...span(thirdText, 'the union figure of 2,400 workers'),
    sourceId: forwarder.id
  })
  const payrollClaim = await library.createClaim({
    articleId: opinion.id,
    ...span(opinionText, 'only about 900 workers stopped'),
    sourceId: payroll.id
  })
  const authorityClaim = await library.createClaim({
    articleId: wire.id,
    ...span(wireText, 'fewer than 1,100 stayed away')
  })
  return { unionClaim, forwarderClaim, payrollClaim, authorityClaim }
}

describe('corroboration', () => {
  it('counts supports and contradictions from independent origins, whichever end was linked', async () => {
    const { library } = env
    const { unionClaim, forwarderClaim, payrollClaim, authorityClaim } = await figureClaims()
    await library.createLink({
      fromClaimId: forwarderClaim.id,
      toClaimId: unionClaim.id,
      relation: 'supports'
    })
    await library.createLink({
      fromClaimId: unionClaim.id,
      toClaimId: payrollClaim.id,
      relation: 'contradicts'
    })
    await library.createLink({
      fromClaimId: authorityClaim.id,
      toClaimId: unionClaim.id,
      relation: 'contradicts'
    })
    const c = await library.getCorroboration(unionClaim.id)
    expect(c.supporting.map((l) => l.other.id)).toEqual([forwarderClaim.id])
    expect(c.contradicting.map((l) => l.other.id).sort()).toEqual(
      [payrollClaim.id, authorityClaim.id].sort()
    )
    expect(c.independentSupport).toBe(1)
    expect(c.independentContradiction).toBe(2)
    expect(c.warnings).toEqual([])
    // Seen from the other end, the same link supports.
    const back = await library.getCorroboration(forwarderClaim.id)
    expect(back.supporting.map((l) => [l.other.id, l.outgoing])).toEqual([[unionClaim.id, true]])
  })

  it('warns of circular reporting when two "independent" supports derive from one origin', async () => {
    const { library, opinion } = env
    const { unionClaim, forwarderClaim } = await figureClaims()
    // A claim in the opinion column that two others seem to support independently.
    const columnist = await library.createSource({ name: 'Columnist', kind: 'person' })
    const claim = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'the plan was withdrawn'),
      sourceId: columnist.id
    })
    await library.createLink({
      fromClaimId: unionClaim.id,
      toClaimId: claim.id,
      relation: 'supports'
    })
    await library.createLink({
      fromClaimId: forwarderClaim.id,
      toClaimId: claim.id,
      relation: 'supports'
    })
    const before = await library.getCorroboration(claim.id)
    expect(before.independentSupport).toBe(2)
    expect(before.warnings).toEqual([])

    // The forwarder only repeated the union's figure: one origin, not two.
    await library.createLink({
      fromClaimId: forwarderClaim.id,
      toClaimId: unionClaim.id,
      relation: 'derives-from'
    })
    const after = await library.getCorroboration(claim.id)
    expect(after.independentSupport).toBe(1)
    expect(after.warnings).toHaveLength(1)
    expect(after.warnings[0]).toMatch(/Circular reporting/)
    expect(after.warnings[0]).toContain('roughly 2,400 workers walked out')
    expect(
      (await library.getCorroboration(forwarderClaim.id)).upstream.map((l) => l.other.id)
    ).toEqual([unionClaim.id])
  })

  it('warns when a support derives from the very claim it supports', async () => {
    const { library } = env
    const { unionClaim, forwarderClaim } = await figureClaims()
    await library.createLink({
      fromClaimId: forwarderClaim.id,
      toClaimId: unionClaim.id,
      relation: 'supports'
    })
    await library.createLink({
      fromClaimId: forwarderClaim.id,
      toClaimId: unionClaim.id,
      relation: 'derives-from'
    })
    const c = await library.getCorroboration(unionClaim.id)
    expect(c.warnings).toEqual([expect.stringMatching(/derives from this claim/)])
    expect(c.downstream.map((l) => l.other.id)).toEqual([forwarderClaim.id])
  })

  it('claims without a claimant are each their own origin; one claimant twice counts once', async () => {
    const { library, wire, third } = env
    const target = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'Port strike')
    })
    const anonymous1 = await library.createClaim({
      articleId: third.id,
      ...span(thirdText, 'A forwarder')
    })
    const anonymous2 = await library.createClaim({
      articleId: third.id,
      ...span(thirdText, 'count the cost')
    })
    await library.createLink({
      fromClaimId: anonymous1.id,
      toClaimId: target.id,
      relation: 'supports'
    })
    await library.createLink({
      fromClaimId: anonymous2.id,
      toClaimId: target.id,
      relation: 'repeats'
    })
    expect((await library.getCorroboration(target.id)).independentSupport).toBe(2)
    const one = await library.createSource({ name: 'Same person', kind: 'person' })
    for (const claim of [anonymous1, anonymous2])
      await library.updateClaim({ articleId: third.id, id: claim.id, sourceId: one.id })
    expect((await library.getCorroboration(target.id)).independentSupport).toBe(1)
  })

  it('refuses a link that exists already, in either direction for symmetric relations', async () => {
    const { library } = env
    const { unionClaim, forwarderClaim } = await figureClaims()
    await library.createLink({
      fromClaimId: forwarderClaim.id,
      toClaimId: unionClaim.id,
      relation: 'supports'
    })
    await expect(
      library.createLink({
        fromClaimId: unionClaim.id,
        toClaimId: forwarderClaim.id,
        relation: 'supports'
      })
    ).rejects.toThrow(/already linked/)
  })
})
