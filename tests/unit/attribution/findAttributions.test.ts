import { describe, expect, it } from 'vitest'
import { findAttributions } from '../../../src/core/attribution/findAttributions'
import type { Suggestion } from '../../../src/shared/suggestion'

/** The suggestions as `claimant | cue | quote | attribution` lines, easy to read when one fails. */
async function suggest(text: string): Promise<string[]> {
  return (await findAttributions(text)).map(
    (s) => `${s.claimant} | ${s.cue} | ${s.quote} | ${s.attribution}`
  )
}

describe('traps: nothing is claimed', () => {
  it.each([
    ['said goodbye', 'Many of the dockers said goodbye to the crew with flowers.'],
    ['said nothing', 'The mayor, Elena Voss, spoke briefly but said nothing about the plan.'],
    ['so-called', 'The pier will close under the so-called waterfront renewal plan.'],
    ['declined to say', 'He declined to say how many employees had crossed the picket line.'],
    ['declined to comment', 'Asked about the pier, a council spokesperson declined to comment.'],
    ['was denied entry', 'A group of protesters was denied entry to the council chamber.'],
    ['a denial of no statement', 'Velt denied the accusation. The council disputes that.'],
    ['a cue as a noun', 'Its first estimate of the damage is due in June. The report is late.'],
    ['an intention', 'The statistics office expects to publish its figures in June.'],
    ['a demand', 'An anti-corruption group urged the authority to publish the contract.'],
    ['a passive cue', 'Residents were told on Sunday to boil their water.'],
    ['called for', 'Shop owners called for a temporary footbridge.']
  ])('%s', async (_, text) => {
    expect(await suggest(text)).toEqual([])
  })
})

describe('a quotation split around its cue is one claim', () => {
  it('with a pronoun, curly quotes', async () => {
    const text =
      'Hanna Oresk organised the protest. “We will stay out,” she said, “until the plan is withdrawn.”'
    const [claim] = await findAttributions(text)
    expect(claim.quote).toBe('We will stay out,” she said, “until the plan is withdrawn.')
    expect(claim.claimant).toBe('Hanna Oresk')
    expect(claim.cue).toBe('said')
    expect(await findAttributions(text)).toHaveLength(1)
  })

  it('with the name after the cue, straight quotes', async () => {
    expect(
      await suggest(
        '"We will stay out," said Hanna Oresk, a cheese seller, "until the plan is withdrawn."'
      )
    ).toEqual([
      'Hanna Oresk, a cheese seller | said | We will stay out," said Hanna Oresk, a cheese seller, "until the plan is withdrawn. | named'
    ])
  })
})

describe('pronouns and short references resolve to the claimant named before', () => {
  it('she added → the person quoted before', async () => {
    const [, added] = await findAttributions(
      '"The members have spoken," said Ilse Marrow, secretary of the Velmora Dockers\' Union. She added that the union would meet again.'
    )
    expect(added).toMatchObject({
      claimant: "Ilse Marrow, secretary of the Velmora Dockers' Union",
      quote: 'the union would meet again',
      cue: 'added',
      attribution: 'named'
    })
    expect(added.referenceEnd! - added.referenceStart!).toBe('She'.length)
  })

  it('the spokesperson → the spokesperson named earlier', async () => {
    const suggestions = await findAttributions(
      'A spokesperson, Tomas Reyl, said the port had made every reasonable offer. Ilse Marrow disagreed. The spokesperson said the authority would not negotiate under pressure.'
    )
    expect(suggestions.map((s) => s.claimant)).toEqual([
      'A spokesperson, Tomas Reyl',
      'A spokesperson, Tomas Reyl'
    ])
  })

  it('he and she tell two speakers apart once each has been referred to', async () => {
    const claimants = (
      await findAttributions(
        'Clara Winnick said the tram would pay for itself. She said ridership had grown. Councillor Bram Ostrava, who voted against, disagreed. The city could not afford it, he said. Winnick replied that it could. The strike would soon end, she said.'
      )
    ).map((s) => s.claimant)
    expect(claimants).toEqual([
      'Clara Winnick',
      'Clara Winnick',
      'Bram Ostrava',
      'Clara Winnick',
      'Clara Winnick'
    ])
  })

  it('a surname → the full name, it → the organisation', async () => {
    const claimants = (
      await findAttributions(
        'The city’s environment department said its monitors showed no such pattern. In a written response, it argued that the sensors were badly placed. Dr Mirela Kask said they were not. Kask added that she would publish the data.'
      )
    ).map((s) => s.claimant)
    expect(claimants).toEqual([
      'The city’s environment department',
      'The city’s environment department',
      'Dr Mirela Kask',
      'Dr Mirela Kask'
    ])
  })
})

describe('how each claim is attributed', () => {
  it.each([
    ['Two freight forwarders, who asked not to be named, said checks took four days.', 'anonymous'],
    ['Sources close to the talks report that a mediator could be appointed.', 'anonymous'],
    [
      'Economists at Velmora Commercial Bank estimate that the strike costs 6 million a day.',
      'named'
    ],
    [
      'According to the Lacerne Chamber of Commerce, the port handled 40 per cent more containers.',
      'named'
    ],
    ['The terminal operator has reportedly hired 60 temporary workers.', 'unattributed'],
    ['It is understood that the government is considering a grant.', 'unattributed'],
    ['The supplier is said to have close ties to a board member.', 'unattributed']
  ])('%s → %s', async (text, attribution) => {
    const suggestions = await findAttributions(text)
    expect(suggestions.map((s) => s.attribution)).toEqual([attribution])
  })

  it('a hedge inside an attributed statement is part of it, not a claim of its own', async () => {
    expect(
      await suggest(
        'According to sources close to the talks, the two sides had reportedly been near an agreement.'
      )
    ).toEqual([
      'sources close to the talks | According to | the two sides had reportedly been near an agreement | anonymous'
    ])
  })
})

describe('offsets', () => {
  it('count UTF-16 code units of the exact text, past emoji, astral and combining characters', async () => {
    const text =
      '👨‍👩‍👧 𠀀 Café e\u0301 🇺🇦\n\nTruck drivers queued for nine hours, the Lacerne police said.'
    const [claim]: Suggestion[] = await findAttributions(text)
    expect(text.slice(claim.start, claim.end)).toBe('Truck drivers queued for nine hours')
    expect(text.slice(claim.claimantStart, claim.claimantEnd)).toBe('the Lacerne police')
    expect(text.slice(claim.cueStart, claim.cueEnd)).toBe('said')
  })

  it('read names with letters outside ASCII whole', async () => {
    expect(await suggest('Nobody has given anything away, Aleksa Dražić said on Friday.')).toEqual([
      'Aleksa Dražić | said | Nobody has given anything away | named'
    ])
  })

  it('are empty for a text with no attribution, or none at all', async () => {
    expect(await findAttributions('')).toEqual([])
    expect(await findAttributions('The city council will debate the dispute on Friday.')).toEqual(
      []
    )
  })
})
