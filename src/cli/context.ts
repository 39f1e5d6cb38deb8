import type { Command } from 'commander'
import type { HolderKind } from '../core/store/libraryLock'
import type { Library } from '../core/store/Library'
import { terminalSafe } from './terminalSafe'

/** Exit codes: 0 success, 1 an item failed, 2 usage error. */
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

export interface GlobalOptions {
  data?: string
  json?: boolean
  breakLock?: boolean
}

/**
 * What every command needs from the program. Commands define their options eagerly (for
 * `--help`) and import what their action needs lazily, so `dossier --version` and `--help`
 * load nothing but commander.
 */
export interface CliContext {
  program: Command
  globals(): GlobalOptions
  /** Prints `value` as JSON with `--json`, else the text. */
  print(value: unknown, text: () => string): void
  /** Opens the library named by `--data`, runs `use`, and always closes it. */
  withLibrary<T>(holder: HolderKind, use: (library: Library) => Promise<T>): Promise<T>
}

export function createContext(program: Command): CliContext {
  const globals = (): GlobalOptions => program.opts<GlobalOptions>()
  return {
    program,
    globals,
    print(value, text) {
      process.stdout.write(
        globals().json ? `${JSON.stringify(value, null, 2)}\n` : `${terminalSafe(text())}\n`
      )
    },
    async withLibrary(holder, use) {
      const { openLibrary } = await import('./openLibrary')
      const library = await openLibrary(globals().data, holder, {
        breakLock: globals().breakLock === true
      })
      try {
        return await use(library)
      } finally {
        // After every command, until acknowledged: a damaged file must not scroll away.
        for (const problem of library.listProblems())
          process.stderr.write(
            `dossier: ${terminalSafe(problem.message)} (acknowledge with: dossier problems --ack ${problem.id})\n`
          )
        await library.close()
      }
    }
  }
}
