import type { Command } from 'commander'
import { Option } from 'commander'
import { ATTRIBUTIONS, CLAIM_STATUSES, SOURCE_KINDS } from '../claimVocabulary'
import type { CliContext } from '../context'
import { collect, colorSlot, credibility, oneOf, positiveInt, reliability } from '../parsers'
import type { ClaimFlags } from '../saveClaim'

interface AnnotateOptions extends ClaimFlags {
  quote: string
  occurrence: number
  color: number
  claim?: boolean
}

/** Flags that describe a claim, by option key; a highlight takes none of them. */
const CLAIM_ONLY = {
  status: '--status',
  claimant: '--claimant',
  claimantKind: '--claimant-kind',
  attribution: '--attribution',
  reliability: '--reliability',
  reason: '--reason',
  credibility: '--credibility',
  statement: '--statement',
  tag: '--tag'
}

export function defineAnnotate(cli: CliContext): void {
  cli.program
    .command('annotate')
    .description(
      'highlight the N-th exact occurrence of a quote in an article, or with --claim mark it as a claim'
    )
    .argument('<id>', 'article id (or a unique prefix of one)')
    .requiredOption('--quote <text>', 'the exact passage to highlight')
    .option('--occurrence <n>', 'which occurrence of the quote', positiveInt, 1)
    .option('--note <text>', 'a note on the highlight or claim')
    .addOption(
      new Option('--color <name>', 'colour slot 1–6 or its name (highlights)')
        .argParser(colorSlot)
        .default(1)
    )
    .option('--claim', 'mark the passage as a claim instead of highlighting it')
    .option(
      '--status <status>',
      `the claim's review status: ${CLAIM_STATUSES.join(', ')} (default unreviewed)`,
      oneOf(CLAIM_STATUSES)
    )
    .option(
      '--claimant <name>',
      'who asserts it: a source of the registry (name or alias), added when new'
    )
    .addOption(
      new Option('--claimant-kind <kind>', 'what a new claimant is')
        .choices(SOURCE_KINDS)
        .default('person')
    )
    .option(
      '--attribution <how>',
      `how the article attributes it: ${ATTRIBUTIONS.join(', ')} (default named)`,
      oneOf(ATTRIBUTIONS)
    )
    .option(
      '--reliability <A-F>',
      "grade the claimant's reliability (kept in its history)",
      reliability
    )
    .option('--reason <text>', 'why --reliability changes', 'set from the command line')
    .option('--credibility <1-6>', "the claim's information credibility", credibility)
    .option('--statement <text>', 'the proposition in your words, one line')
    .option('--tag <tag>', 'a tag for the claim (repeatable)', collect)
    .action(async (id: string, options: AnnotateOptions, command: Command) => {
      const { DossierError } = await import('../../shared/result')
      // Refused before the library is opened: these need no data to be wrong.
      const misuse = misusedFlag(options, (key) => command.getOptionValueSource(key) === 'cli')
      if (misuse) throw new DossierError('invalid_input', misuse)
      const { findQuote } = await import('../../shared/anchoring')
      const { plainToDoc } = await import('../../shared/richText')
      await cli.withLibrary('CLI', async (library) => {
        const article = await library.getArticle(id)
        const position = findQuote(article.text, options.quote, options.occurrence)
        if (!position) {
          throw new DossierError(
            'not_found',
            `--quote: occurrence ${options.occurrence} of “${options.quote}” is not in “${article.title}”.`
          )
        }
        if (options.claim) {
          const [{ saveClaim }, { gradeCode }] = await Promise.all([
            import('../saveClaim'),
            import('../../shared/claim')
          ])
          const { claim, source } = await saveClaim(library, article, position, options)
          cli.print(
            claim,
            () =>
              `claimed    ${claim.id}  [${position.start}–${position.end}] ${gradeCode(source?.reliability, claim.credibility)} ${claim.status} “${claim.quote.exact}”${source ? ` — ${source.name}` : ''}`
          )
          return
        }
        const annotation = await library.createAnnotation({
          articleId: article.id,
          ...position,
          color: options.color,
          ...(options.note !== undefined ? { note: plainToDoc(options.note) } : {})
        })
        cli.print(
          annotation,
          () =>
            `annotated  ${annotation.id}  [${position.start}–${position.end}] “${annotation.quote.exact}”`
        )
      })
    })
}

/** What is wrong with the combination of flags given, if anything. */
function misusedFlag(
  options: AnnotateOptions,
  given: (key: string) => boolean
): string | undefined {
  if (!options.claim) {
    const stray = Object.entries(CLAIM_ONLY).find(([key]) => given(key))
    return stray ? `${stray[1]}: describes a claim; add --claim.` : undefined
  }
  if (given('color')) return '--color: a claim has no colour (claims are painted by status).'
  if (options.reliability !== undefined && options.claimant === undefined)
    return '--reliability: grades the claimant; name it with --claimant.'
  if (given('claimantKind') && options.claimant === undefined)
    return '--claimant-kind: describes a new claimant; name it with --claimant.'
  if (given('reason') && options.reliability === undefined)
    return '--reason: says why --reliability changes; give --reliability too.'
  return undefined
}
