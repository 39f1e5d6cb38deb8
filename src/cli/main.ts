import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { createHandlers, DOSSIER_VERSION } from '../core/createHandlers'
import { canonicalEncoding } from '../core/import/canonicalEncoding'
import { importPathSources } from '../core/import/importPathSources'
import { findQuote } from '../shared/anchoring'
import { DEFAULT_MAX_IMPORT_BYTES } from '../shared/importing'
import { DossierError } from '../shared/result'
import { startWebHost } from '../web/startWebHost'
import { ensureRendererBuilt } from './ensureRendererBuilt'
import { formatOutcome, formatTable } from './format'
import { openLibrary } from './openLibrary'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Exit codes: 0 success, 1 an item failed, 2 usage error. */
const EXIT_FAILED = 1
const EXIT_USAGE = 2

interface GlobalOptions {
  data?: string
  json?: boolean
}

function print(options: GlobalOptions, value: unknown, text: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`)
}

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a whole number of 1 or more')
  return n
}

/** Refuses an unknown `--encoding` before any file is read, not once per file. */
function knownEncoding(value: string): string {
  const encoding = canonicalEncoding(value)
  if (!encoding)
    throw new InvalidArgumentError(
      `"${value}" is not an encoding Dossier knows (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, big5, euc-kr)`
    )
  return encoding
}

function colorSlot(value: string): number {
  const n = Number(value)
  if (Number.isInteger(n) && n >= 1 && n <= 6) return n
  const named = ['yellow', 'blue', 'green', 'red', 'purple', 'grey'].indexOf(value.toLowerCase())
  if (named >= 0) return named + 1
  throw new InvalidArgumentError('must be 1–6 or one of yellow, blue, green, red, purple, grey')
}

export function buildProgram(): Command {
  const program = new Command('dossier')
    .description('Dossier: import articles, highlight and annotate them, from the command line.')
    .version(DOSSIER_VERSION)
    .option('--data <dir>', 'library folder (default: $DOSSIER_DATA or the desktop app’s folder)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .exitOverride()

  const globals = (): GlobalOptions => program.opts<GlobalOptions>()

  program
    .command('import')
    .description('import text files, or folders of them (recursively)')
    .argument('<paths...>', 'files or folders')
    .option(
      '--encoding <name>',
      'decode every file with this encoding instead of detecting it (e.g. windows-1252, shift_jis)',
      knownEncoding
    )
    .option(
      '--max-size <bytes>',
      `refuse files larger than this (default ${DEFAULT_MAX_IMPORT_BYTES})`,
      positiveInt
    )
    .action(async (paths: string[], options: { encoding?: string; maxSize?: number }) => {
      const library = await openLibrary(globals().data, 'CLI')
      try {
        const outcomes = await importPathSources(library, paths, {
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.maxSize ? { maxBytes: options.maxSize } : {})
        })
        const refused = outcomes.filter((outcome) => outcome.status === 'refused')
        const stored = outcomes.filter((outcome) => outcome.status !== 'refused')
        print(globals(), outcomes, () => stored.map(formatOutcome).join('\n'))
        // Errors go to stderr, each naming the file and the reason.
        for (const outcome of refused) process.stderr.write(`dossier: ${formatOutcome(outcome)}\n`)
        if (refused.length > 0) process.exitCode = EXIT_FAILED
      } finally {
        await library.close()
      }
    })

  program
    .command('list')
    .description('list the articles in the library, newest first')
    .option('--trash', 'list the Trash instead')
    .action(async (options: { trash?: boolean }) => {
      const library = await openLibrary(globals().data, 'CLI')
      try {
        const articles = library.listArticles({ trash: options.trash ?? false })
        print(globals(), articles, () =>
          articles.length === 0
            ? 'No articles yet. Import some with: dossier import FILE…'
            : formatTable([
                ['ID', 'HIGHLIGHTS', 'IMPORTED', 'TITLE'],
                ...articles.map((a) => [
                  a.id,
                  String(a.counts.highlights),
                  a.importedAt.slice(0, 10),
                  a.title
                ])
              ])
        )
      } finally {
        await library.close()
      }
    })

  program
    .command('show')
    .description('show an article’s metadata, text and annotations')
    .argument('<id>', 'article id (or a unique prefix of one)')
    .action(async (id: string) => {
      const library = await openLibrary(globals().data, 'CLI')
      try {
        const article = await library.getArticle(id)
        const annotations = await library.listAnnotations(article.id)
        print(globals(), { ...article, annotations }, () =>
          [
            article.title,
            `id ${article.id} · ${article.origin.fileName ?? article.origin.kind} · ${article.origin.encoding} · imported ${article.importedAt}`,
            '',
            article.text,
            '',
            `${annotations.length} annotation(s)`,
            ...annotations.map(
              (a) =>
                `  [${a.position.start}–${a.position.end}] colour ${a.color} “${a.quote.exact}”${a.note ? ` — ${a.note}` : ''}  (${a.id})`
            )
          ].join('\n')
        )
      } finally {
        await library.close()
      }
    })

  program
    .command('annotate')
    .description('highlight the N-th exact occurrence of a quote in an article')
    .argument('<id>', 'article id (or a unique prefix of one)')
    .requiredOption('--quote <text>', 'the exact passage to highlight')
    .option('--occurrence <n>', 'which occurrence of the quote', positiveInt, 1)
    .option('--note <text>', 'a note on the highlight')
    .addOption(
      new Option('--color <name>', 'colour slot 1–6 or its name').argParser(colorSlot).default(1)
    )
    .action(
      async (
        id: string,
        options: { quote: string; occurrence: number; note?: string; color: number }
      ) => {
        const library = await openLibrary(globals().data, 'CLI')
        try {
          const article = await library.getArticle(id)
          const position = findQuote(article.text, options.quote, options.occurrence)
          if (!position) {
            throw new DossierError(
              'not_found',
              `--quote: occurrence ${options.occurrence} of “${options.quote}” is not in “${article.title}”.`
            )
          }
          const annotation = await library.createAnnotation({
            articleId: article.id,
            ...position,
            color: options.color,
            ...(options.note !== undefined ? { note: options.note } : {})
          })
          print(
            globals(),
            annotation,
            () =>
              `annotated  ${annotation.id}  [${position.start}–${position.end}] “${annotation.quote.exact}”`
          )
        } finally {
          await library.close()
        }
      }
    )

  program
    .command('web')
    .description('serve the Dossier workbench to a browser on 127.0.0.1')
    .option('--port <n>', 'port (default: a free one)', (v) => positiveInt(v), 0)
    .option('--build-if-needed', 'build the renderer first when it is missing or out of date')
    .action(async (options: { port: number; buildIfNeeded?: boolean }) => {
      const rendererDir = resolve(repoRoot, 'out/renderer')
      if (options.buildIfNeeded) await ensureRendererBuilt(repoRoot)
      const library = await openLibrary(globals().data, 'web host')
      let host
      try {
        host = await startWebHost({
          handlers: createHandlers(library, { host: 'web' }),
          rendererDir,
          port: options.port
        })
      } catch (error) {
        await library.close()
        throw error
      }
      print(globals(), { url: host.url, port: host.port, dataDir: library.dataDir }, () =>
        [`Dossier is serving ${library.dataDir}`, `Open ${host.url}`, 'Press Ctrl+C to stop.'].join(
          '\n'
        )
      )
      const stop = async (): Promise<void> => {
        await host.close()
        await library.close()
        process.exit(0)
      }
      process.once('SIGINT', () => void stop())
      process.once('SIGTERM', () => void stop())
    })

  return program
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE
      return
    }
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`dossier: ${message}\n`)
    process.exitCode =
      error instanceof DossierError && error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILED
  }
}
