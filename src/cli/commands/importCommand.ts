import type { CliContext } from '../context'
import { EXIT_FAILED } from '../context'
import { positiveInt } from '../parsers'

/** 50 MB, as DEFAULT_MAX_IMPORT_BYTES; repeated so `--help` needs no import code. */
const DEFAULT_MAX_SIZE = '52428800'

export function defineImport(cli: CliContext): void {
  cli.program
    .command('import')
    .description('import text files, or folders of them (recursively)')
    .argument('<paths...>', 'files or folders')
    .option(
      '--encoding <name>',
      'decode every file with this encoding instead of detecting it (e.g. windows-1252, shift_jis)'
    )
    .option(
      '--max-size <bytes>',
      `refuse files larger than this (default ${DEFAULT_MAX_SIZE})`,
      positiveInt
    )
    .action(async (paths: string[], options: { encoding?: string; maxSize?: number }) => {
      const { canonicalEncoding } = await import('../../core/import/canonicalEncoding')
      const { DossierError } = await import('../../shared/result')
      // Refused before any file is read, not once per file.
      const encoding =
        options.encoding === undefined ? undefined : canonicalEncoding(options.encoding)
      if (options.encoding !== undefined && !encoding) {
        throw new DossierError(
          'invalid_input',
          `--encoding: "${options.encoding}" is not an encoding Dossier knows (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, big5, euc-kr)`
        )
      }
      const { importPathSources } = await import('../../core/import/importPathSources')
      const { formatOutcome } = await import('../format')
      await cli.withLibrary('CLI', async (library) => {
        const outcomes = await importPathSources(library, paths, {
          ...(encoding ? { encoding } : {}),
          ...(options.maxSize ? { maxBytes: options.maxSize } : {})
        })
        const refused = outcomes.filter((outcome) => outcome.status === 'refused')
        const stored = outcomes.filter((outcome) => outcome.status !== 'refused')
        cli.print(outcomes, () => stored.map(formatOutcome).join('\n'))
        // Errors go to stderr, each naming the file and the reason.
        for (const outcome of refused) process.stderr.write(`dossier: ${formatOutcome(outcome)}\n`)
        if (refused.length > 0) process.exitCode = EXIT_FAILED
      })
    })
}
