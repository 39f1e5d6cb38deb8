import { CLAIM_STATUSES } from '../claimVocabulary'
import type { CliContext } from '../context'
import { EXPORT_FORMATS, RECORD_KINDS } from '../exportVocabulary'
import { collect, oneOf } from '../parsers'

interface ExportOptions {
  format: (typeof EXPORT_FORMATS)[number]
  article?: string[]
  notebook?: string
  status?: (typeof CLAIM_STATUSES)[number]
  tag?: string
  kind?: (typeof RECORD_KINDS)[number]
  excel?: boolean
  split?: boolean
  out?: string
  force?: boolean
}

const FLAGS = {
  format: '--format',
  articleIds: '--article',
  notebookId: '--notebook',
  status: '--status',
  tag: '--tag',
  kind: '--kind',
  excel: '--excel',
  split: '--split'
}

export function defineExport(cli: CliContext): void {
  cli.program
    .command('export')
    .description(
      'export the library, some articles or a notebook: Markdown, CSV, the JSON backup, W3C Web Annotation, or an HTML report'
    )
    .requiredOption(
      '--format <format>',
      'md (Markdown), csv, json (backup, restores with dossier restore), wa (Web Annotation JSON-LD) or html (printable report)',
      oneOf(EXPORT_FORMATS)
    )
    .option('--article <id>', 'only this article (repeatable; id or a unique prefix)', collect)
    .option('--notebook <name>', 'only this notebook (its title or id), with what it quotes')
    .option(
      '--status <status>',
      `only claims of this status: ${CLAIM_STATUSES.join(', ')}`,
      oneOf(CLAIM_STATUSES)
    )
    .option('--tag <tag>', 'only claims with this tag, and the records of articles with it')
    .option('--kind <kind>', `only ${RECORD_KINDS.join(', ')} records`, oneOf(RECORD_KINDS))
    .option('--excel', 'CSV: begin with a UTF-8 byte-order mark, for Excel')
    .option('--split', 'Markdown: a file per article and per notebook (needs --out DIR)')
    .option('--out <path>', 'write to this file (or into this folder) instead of stdout')
    .option('--force', 'replace files that already exist')
    .action(async (options: ExportOptions) => {
      const [{ parseInput, renameField }, { DossierError }, { exportLibrary }, { ExportJob }] =
        await Promise.all([
          import('../flagErrors'),
          import('../../shared/result'),
          import('../../core/export/exportLibrary'),
          import('../../core/export/ExportJob')
        ])
      await cli.withLibrary('CLI', async (library) => {
        const request = parseInput(
          'exportLibrary',
          {
            format: options.format,
            ...(options.article
              ? { articleIds: options.article.map((id) => library.findArticle(id).id) }
              : {}),
            ...(options.notebook ? { notebookId: library.findNotebook(options.notebook).id } : {}),
            ...(options.status ? { status: options.status } : {}),
            ...(options.tag ? { tag: options.tag } : {}),
            ...(options.kind ? { kind: options.kind } : {}),
            ...(options.excel ? { excel: true } : {}),
            ...(options.split ? { split: true } : {})
          },
          FLAGS
        )
        const { files, counts } = await exportLibrary(library, request, new ExportJob()).catch(
          renameField(FLAGS)
        )
        if (!options.out) {
          if (files.length > 1)
            throw new DossierError(
              'invalid_input',
              `--out: this export is ${files.length} files (one per article and notebook); give a folder with --out DIR.`
            )
          process.stdout.write(files[0]!.content)
          return
        }
        const { writeExportFiles } = await import('../../core/export/writeExportFiles')
        const paths = await writeExportFiles(files, options.out, { force: options.force }).catch(
          (error: unknown) => {
            if (error instanceof DossierError && error.code === 'refused' && !options.force)
              throw new DossierError('refused', `${error.message} Add --force to replace.`)
            throw error
          }
        )
        const { formatCount } = await import('../../shared/formatCount')
        const what = [
          formatCount(counts.articles, 'article'),
          formatCount(counts.highlights, 'highlight'),
          formatCount(counts.claims, 'claim'),
          formatCount(counts.notebooks, 'notebook')
        ].join(', ')
        cli.print(
          { paths, counts },
          () => paths.map((path) => `exported  ${path}`).join('\n') + `\n${what}`
        )
      })
    })
}
