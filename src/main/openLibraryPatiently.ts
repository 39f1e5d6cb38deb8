import { DOSSIER_VERSION } from '../shared/version'
import { runtimeLine } from './runtimeLine'

/** Why the library did not open, for the dialog and for a bug report. */
export interface LibraryProblem {
  folder: string
  /** The error as the store worded it, e.g. which process holds the library. */
  message: string
  /** Everything a bug report needs: versions, platform, folder, error code and message. */
  details: string
}

export type LibraryProblemChoice = 'retry' | 'reveal' | 'copy' | 'quit'

/** How the host shows the problem; the desktop app uses a native dialog. */
export interface LibraryProblemPrompt {
  /** Shows the problem with a button per choice; resolves to the one chosen. */
  ask(problem: LibraryProblem): Promise<LibraryProblemChoice>
  reveal(folder: string): Promise<void>
  copy(text: string): void
}

/**
 * Opens the library, and when it cannot (another Dossier process holds it, a folder
 * without permission, a full disk), says why and offers Try again, Reveal library folder,
 * Copy details and Quit — asking again after revealing or copying — until it opens
 * (resolves to it) or the user quits (resolves to undefined).
 */
export async function openLibraryPatiently<L>(
  folder: string,
  open: () => Promise<L>,
  prompt: LibraryProblemPrompt
): Promise<L | undefined> {
  for (;;) {
    try {
      return await open()
    } catch (error) {
      const problem = describeLibraryProblem(folder, error)
      let choice = await prompt.ask(problem)
      while (choice === 'reveal' || choice === 'copy') {
        if (choice === 'reveal') await prompt.reveal(folder)
        else prompt.copy(problem.details)
        choice = await prompt.ask(problem)
      }
      if (choice === 'quit') return undefined
    }
  }
}

export function describeLibraryProblem(
  folder: string,
  error: unknown,
  versions: NodeJS.ProcessVersions = process.versions
): LibraryProblem {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | undefined)?.code
  const details = [
    `Dossier ${DOSSIER_VERSION} could not open its library.`,
    `Library: ${folder}`,
    `Error${typeof code === 'string' ? ` (${code})` : ''}: ${message}`,
    runtimeLine(versions)
  ].join('\n')
  return { folder, message, details }
}
