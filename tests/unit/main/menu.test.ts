import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

// The one fake: Electron itself, which cannot run here.
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown) => template },
  app: {},
  clipboard: {},
  dialog: {},
  shell: {}
}))

const { menuTemplate } = await import('../../../src/main/menu')
const { MENU_CHORDS } = await import('../../../src/shared/menuCommands')
const { aboutText } = await import('../../../src/main/aboutDialog')

function itemsOf(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return menu.submenu as MenuItemConstructorOptions[]
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.flatMap(itemsOf).find((item) => item.label === label)
  if (!found) throw new Error(`no menu item ${label}`)
  return found
}

describe('the application menu', () => {
  const heard: string[] = []
  const actions = {
    send: (command: string) => void heard.push(command),
    showAbout: () => void heard.push('about'),
    revealLibrary: () => void heard.push('reveal')
  }

  it('on Windows and Linux: File, Edit, View, Help with access keys, About under Help', () => {
    const template = menuTemplate(actions, 'linux')
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    expect(itemsOf(template[3]!).map((i) => i.label ?? i.type)).toEqual([
      'Keyboard Shortcuts',
      'separator',
      'About Dossier'
    ])
    expect(itemsOf(template[0]!).at(-1)).toEqual({ role: 'quit' })
  })

  it('on macOS: the app menu with About, Services, Hide and Quit, and a Window menu', () => {
    const template = menuTemplate(actions, 'darwin')
    expect(template[0]!.label).toBe('Dossier')
    expect(itemsOf(template[0]!).map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'About Dossier',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit'
    ])
    expect(template.at(-2)).toEqual({ role: 'windowMenu' })
    expect(template.at(-1)!.role).toBe('help')
    expect(itemsOf(template.at(-1)!).map((i) => i.label)).toEqual(['Keyboard Shortcuts'])
    expect(template.some((m) => m.label === '&Help')).toBe(false)
    expect(itemsOf(template[1]!).at(-1)).toEqual({ role: 'close' })
  })

  it('gives every page command its accelerator and sends it to the page', () => {
    const template = menuTemplate(actions, 'win32')
    const expected: [string, string | undefined, string][] = [
      ['Import…', 'CmdOrCtrl+O', 'import'],
      ['New Article from Clipboard', 'CmdOrCtrl+Shift+V', 'paste'],
      ['Export…', 'CmdOrCtrl+Shift+E', 'export'],
      ['Export as PDF…', undefined, 'exportPdf'],
      ['Restore from Backup…', undefined, 'restore'],
      ['Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Redo', 'CmdOrCtrl+Shift+Z', 'redo'],
      ['Find in Article', 'CmdOrCtrl+F', 'find'],
      ['Reader', 'CmdOrCtrl+1', 'view-reader'],
      ['Claims Board', 'CmdOrCtrl+2', 'view-board'],
      ['Sources', 'CmdOrCtrl+3', 'view-sources'],
      ['Notebooks', 'CmdOrCtrl+4', 'view-notebooks'],
      ['Library Panel', 'Shift+L', 'toggle-library'],
      ['Annotations Panel', 'Shift+R', 'toggle-annotations'],
      ['Keyboard Shortcuts', '?', 'shortcuts']
    ]
    for (const [label, accelerator, command] of expected) {
      const item = find(template, label)
      expect(item.accelerator, label).toBe(accelerator)
      heard.length = 0
      ;(item.click as () => void)()
      expect(heard).toEqual([command])
    }
    // Every command the page understands is in the menu.
    expect(expected.map(([, , command]) => command).sort()).toEqual(Object.keys(MENU_CHORDS).sort())
    heard.length = 0
    ;(find(template, 'Reveal Library Folder').click as () => void)()
    ;(find(template, 'About Dossier').click as () => void)()
    expect(heard).toEqual(['reveal', 'about'])
  })
})

describe('the menu’s keys and the page’s', () => {
  const template = menuTemplate(
    { send: () => undefined, showAbout: () => undefined, revealLibrary: () => undefined },
    'linux'
  )
  const items = template.flatMap(itemsOf)

  it('registers only Ctrl/Cmd chords: Shift+L, Shift+R and ? are shown, never taken from a text field', () => {
    for (const item of items.filter((i) => i.accelerator)) {
      const registered = String(item.accelerator).startsWith('CmdOrCtrl+')
      expect(item.registerAccelerator, item.label).toBe(registered)
    }
    expect(find(template, 'Library Panel').registerAccelerator).toBe(false)
    expect(find(template, 'Undo').registerAccelerator).toBe(true)
  })

  it('shows exactly the chords of the shared table the page’s keys are made from', () => {
    for (const item of items) {
      const command = Object.entries(MENU_CHORDS).find(([, chord]) =>
        chord ? item.accelerator === chord.replace(/^Mod\+/, 'CmdOrCtrl+') : false
      )
      if (item.accelerator) expect(command, item.label).toBeDefined()
    }
  })
})

describe('the About box', () => {
  it('names the Electron, Chromium and Node versions and the library folder', () => {
    const text = aboutText('/home/analyst/.config/Dossier', {
      ...process.versions,
      electron: '45.5.0',
      chrome: '140.0.7339.41'
    })
    expect(text).toContain('Electron 45.5.0, Chromium 140.0.7339.41, Node ')
    expect(text).toContain('Library: /home/analyst/.config/Dossier')
  })
})
