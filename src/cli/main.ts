import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError } from 'commander'
import { DOSSIER_VERSION } from '../shared/version'
import { defineAnnotate } from './commands/annotateCommand'
import { defineBackup } from './commands/backupCommand'
import { defineClaims } from './commands/claimsCommand'
import { defineExport } from './commands/exportCommand'
import { defineImport } from './commands/importCommand'
import { defineLink } from './commands/linkCommand'
import { defineList } from './commands/listCommand'
import { defineNotebook } from './commands/notebookCommand'
import { defineNotebooks } from './commands/notebooksCommand'
import { defineProblems } from './commands/problemsCommand'
import { defineRestore } from './commands/restoreCommand'
import { defineSearch } from './commands/searchCommand'
import { defineShow } from './commands/showCommand'
import { defineSources } from './commands/sourcesCommand'
import { defineSuggest } from './commands/suggestCommand'
import { defineWeb } from './commands/webCommand'
import { createContext, EXIT_FAILED, EXIT_USAGE } from './context'

/** Two folders up from here: `src/cli/main.ts` in development, `out/main/cli.js` when built. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export function buildProgram(): Command {
  const program = new Command('dossier')
    .description('Dossier: import articles, highlight and annotate them, from the command line.')
    .version(DOSSIER_VERSION)
    .option('--data <dir>', 'library folder (default: $DOSSIER_DATA or the desktop app’s folder)')
    .option('--json', 'machine-readable output')
    .option(
      '--break-lock',
      'take over the library’s lock even if its holder looks alive (a lock left on another machine, in a container or a synced folder); use only when that Dossier is surely closed'
    )
    .showHelpAfterError()
    .exitOverride()
  const cli = createContext(program)
  defineImport(cli)
  defineList(cli)
  defineShow(cli)
  defineAnnotate(cli)
  defineLink(cli)
  defineClaims(cli)
  defineSearch(cli)
  defineSources(cli)
  defineSuggest(cli)
  defineNotebooks(cli)
  defineNotebook(cli)
  defineProblems(cli)
  defineBackup(cli)
  defineExport(cli)
  defineRestore(cli)
  defineWeb(cli, repoRoot)
  exitThroughMain(program.commands)
  return program
}

/** Subcommands (and theirs) exit through main too, so usage errors there get exit code 2. */
function exitThroughMain(commands: readonly Command[]): void {
  for (const command of commands) {
    command.exitOverride().showHelpAfterError()
    exitThroughMain(command.commands)
  }
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
    const { DossierError } = await import('../shared/result')
    const { terminalSafe } = await import('./terminalSafe')
    const message = error instanceof Error ? error.message : String(error)
    // Messages name titles and file names, which come from imported files.
    process.stderr.write(`dossier: ${terminalSafe(message)}\n`)
    process.exitCode =
      error instanceof DossierError && error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILED
  }
}
