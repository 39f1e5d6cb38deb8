import { join } from 'node:path'
import type { BrowserWindow, SaveDialogOptions } from 'electron'
import { app, dialog } from 'electron'
import { writeExportFiles } from '../core/export/writeExportFiles'
import type { SavedFile } from '../shared/exporting'
import { DossierError } from '../shared/result'

/**
 * Where an export goes on the desktop: the save dialog with the export's own (sanitised)
 * name for one file — the dialog asks before replacing a file that exists — or a folder
 * for several, where replacing any file needs a yes. The main process writes only to the
 * path the dialog returned, atomically. Resolves to the paths written, or null when the
 * analyst cancelled.
 */
export async function saveExportDialog(
  window: BrowserWindow | undefined,
  files: SavedFile[]
): Promise<string[] | null> {
  const documents = app.getPath('documents')
  if (files.length === 1) {
    const [file] = files as [SavedFile]
    const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1)
    const options: SaveDialogOptions = {
      title: 'Export',
      defaultPath: join(documents, file.fileName),
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      // Linux asks before replacing only when told to; macOS and Windows always do.
      properties: ['showOverwriteConfirmation', 'createDirectory']
    }
    const chosen = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    if (chosen.canceled || !chosen.filePath) return null
    return writeExportFiles(files, chosen.filePath, { force: true })
  }
  const folderOptions = {
    title: `Export ${files.length} files to a folder`,
    defaultPath: documents,
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[]
  }
  const chosen = window
    ? await dialog.showOpenDialog(window, folderOptions)
    : await dialog.showOpenDialog(folderOptions)
  const folder = chosen.filePaths[0]
  if (chosen.canceled || !folder) return null
  try {
    return await writeExportFiles(files, folder)
  } catch (error) {
    if (!(error instanceof DossierError) || error.code !== 'refused') throw error
    const options = {
      type: 'warning' as const,
      title: 'Replace files?',
      message: 'Some of the files are already in that folder.',
      detail: error.message,
      buttons: ['Cancel', 'Replace'],
      defaultId: 0,
      cancelId: 0
    }
    const { response } = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options)
    return response === 1 ? writeExportFiles(files, folder, { force: true }) : null
  }
}
