import { LINK_RELATIONS } from '../claimVocabulary'
import type { LinkRelation } from '../../shared/claim'
import type { CliContext } from '../context'
import { oneOf } from '../parsers'

export function defineLink(cli: CliContext): void {
  cli.program
    .command('link')
    .description('link two claims: FROM supports, contradicts, repeats or derives from TO')
    .argument('<from>', 'claim id (or a unique prefix of 4+ characters), as dossier claims lists')
    .argument('<to>', 'the other claim, in the same or another article')
    .requiredOption(
      '--relation <relation>',
      `how FROM bears on TO: ${LINK_RELATIONS.join(', ')}`,
      oneOf(LINK_RELATIONS)
    )
    .action(async (fromTyped: string, toTyped: string, options: { relation: LinkRelation }) => {
      const [{ resolveClaimId }, { parseInput, renameField }, { DossierError }] = await Promise.all(
        [import('../claimIds'), import('../flagErrors'), import('../../shared/result')]
      )
      await cli.withLibrary('CLI', async (library) => {
        const claims = await library.claimBoardRows()
        const from = resolveClaimId(claims, fromTyped, 'FROM')
        const to = resolveClaimId(claims, toTyped, 'TO')
        if (from.id === to.id)
          throw new DossierError('invalid_input', 'TO: a claim cannot be linked to itself.')
        const flags = { fromClaimId: 'FROM', toClaimId: 'TO', relation: '--relation' }
        const input = parseInput(
          'createLink',
          { fromClaimId: from.id, toClaimId: to.id, relation: options.relation },
          flags
        )
        const link = await library.createLink(input).catch(renameField(flags))
        cli.print(
          link,
          () =>
            `linked     ${link.id}  “${from.exact}” ${link.relation} “${to.exact}”${from.articleId === to.articleId ? '' : ` (${to.articleTitle})`}`
        )
      })
    })
}
