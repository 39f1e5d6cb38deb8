import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { clipboard, dialog, shell } from 'electron'
import type { LibraryProblemChoice, LibraryProblemPrompt } from './openLibraryPatiently'

/** Button order is choice order; Escape and closing the dialog mean Quit. */
const CHOICES: { label: string; choice: LibraryProblemChoice }[] = [
  { label: 'Try Again', choice: 'retry' },
  { label: 'Reveal Library Folder', choice: 'reveal' },
  { label: 'Copy Details', choice: 'copy' },
  { label: 'Quit', choice: 'quit' }
]

/** The native dialog that says why the library did not open, over the window if there is one. */
export function libraryProblemDialog(
  parent: () => BrowserWindow | undefined
): LibraryProblemPrompt {
  return {
    async ask(problem) {
      const options: MessageBoxOptions = {
        type: 'error',
        title: 'Dossier cannot open its library',
        message: `Dossier cannot open the library in ${problem.folder}`,
        detail: `${problem.message}\n\nClose the other Dossier window, web host or command if one holds it, then try again.`,
        buttons: CHOICES.map((c) => c.label),
        defaultId: 0,
        cancelId: CHOICES.length - 1,
        noLink: true
      }
      const window = parent()
      const { response } = window
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options)
      return CHOICES[response]?.choice ?? 'quit'
    },
    async reveal(folder) {
      await shell.openPath(folder)
    },
    copy(text) {
      clipboard.writeText(text)
    }
  }
}
