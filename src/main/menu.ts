import type { MenuItemConstructorOptions } from 'electron'
import { app, dialog, Menu } from 'electron'
import type { MenuCommand } from '../shared/hostEvents'
import { DOSSIER_VERSION } from '../shared/version'

/** The application menu; commands that act on the page go to the focused window. */
export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        {
          label: 'New Article from Clipboard',
          accelerator: 'CmdOrCtrl+Shift+V',
          click: () => send('paste')
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Article', accelerator: 'CmdOrCtrl+F', click: () => send('find') }
      ]
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: '&Help',
      submenu: [
        {
          label: 'About Dossier',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Dossier',
              message: `Dossier ${DOSSIER_VERSION}`,
              detail: `A local-first workbench for reading, highlighting and annotating sources.\nLibrary: ${app.getPath('userData')}`
            })
        }
      ]
    }
  ]
  return Menu.buildFromTemplate(template)
}
