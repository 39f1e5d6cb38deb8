import { useEffect, useRef } from 'react'
import type { Shortcut } from './shortcut'
import { displayChord } from './shortcut'

interface Props {
  shortcuts: readonly Shortcut[]
  onClose(): void
}

/** Every key of the workbench, generated from the table the key handler runs. */
export function ShortcutSheet({ shortcuts, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  const groups = [...new Set(shortcuts.map((s) => s.group))]
  return (
    <dialog
      ref={dialog}
      className="shortcut-sheet"
      aria-labelledby="shortcut-sheet-title"
      onClose={onClose}
    >
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <p className="shortcut-hint">
        Keys act on the text selected in a pane, or on the selected highlight or claim. While you
        type in a field, they type.
      </p>
      <div className="shortcut-groups">
        {groups.map((group) => (
          <table key={group} className="shortcut-table">
            <caption>{group}</caption>
            <tbody>
              {shortcuts
                .filter((s) => s.group === group)
                .map((s) => (
                  <tr key={s.keys.join(' ')}>
                    <th scope="row">
                      {s.label ? (
                        <kbd>{displayChord(s.label)}</kbd>
                      ) : (
                        s.keys.map((chord, i) => (
                          <span key={chord}>
                            {i > 0 && ' or '}
                            <kbd>{displayChord(chord)}</kbd>
                          </span>
                        ))
                      )}
                    </th>
                    <td>
                      {s.description}
                      {s.when && <span className="shortcut-when"> — when {s.when}</span>}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
