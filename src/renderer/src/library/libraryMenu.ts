import type { MenuEntry } from '../overflow/OverflowMenu'

/** The library's context menu for `count` articles; in the Trash, restoring and details. */
export function libraryMenuEntries(
  count: number,
  { trash, canExport }: { trash: boolean; canExport: boolean }
): MenuEntry[] {
  const entry = (key: string, label: string, disabled = false): MenuEntry => ({
    key,
    label,
    disabled,
    checked: undefined
  })
  const details = entry('details', 'Details…', count !== 1)
  if (trash) return [entry('restore', 'Restore'), details]
  return [
    entry('open', 'Open'),
    entry('beside', 'Open side by side'),
    ...(canExport ? [entry('export', count > 1 ? `Export ${count} articles…` : 'Export…')] : []),
    details,
    entry('trash', 'Move to Trash')
  ]
}
