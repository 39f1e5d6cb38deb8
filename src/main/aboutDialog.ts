import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { clipboard, dialog, shell } from 'electron'
import { DOSSIER_VERSION } from '../shared/version'
import { runtimeLine } from './runtimeLine'

export interface AboutDetails {
  /** The library folder (Electron's userData, or DOSSIER_DATA). */
  libraryDir: string
  iconPath: string
}

/** The About box's text: version, runtime versions and where the library lives. */
export function aboutText(libraryDir: string, versions = process.versions): string {
  return [
    'A local-first workbench for reading, highlighting and annotating sources.',
    '',
    runtimeLine(versions),
    '',
    `Library: ${libraryDir}`
  ].join('\n')
}

/** About Dossier, with buttons to reveal the library folder and to copy the details. */
export async function showAboutDialog(
  parent: BrowserWindow | undefined,
  { libraryDir, iconPath }: AboutDetails
): Promise<void> {
  const detail = aboutText(libraryDir)
  const options: MessageBoxOptions = {
    type: 'info',
    icon: iconPath,
    title: 'About Dossier',
    message: `Dossier ${DOSSIER_VERSION}`,
    detail,
    buttons: ['OK', 'Reveal Library Folder', 'Copy Details'],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  }
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  if (response === 1) await shell.openPath(libraryDir)
  if (response === 2) clipboard.writeText(`Dossier ${DOSSIER_VERSION}\n${detail}`)
}
