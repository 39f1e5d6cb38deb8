import { displayChord } from '../workspace/shortcut'
import type { ViewId } from './views'
import { VIEWS } from './views'
import './views.css'

interface Props {
  view: ViewId
  onChange(view: ViewId): void
}

/** Reader, Claims board, Sources: one button each, the current one marked. */
export function ViewSwitch({ view, onChange }: Props) {
  return (
    <nav className="view-switch" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          aria-current={v.id === view ? 'page' : undefined}
          title={`${v.label} (${displayChord(v.chord)})`}
          onClick={() => onChange(v.id)}
        >
          {v.label}
        </button>
      ))}
    </nav>
  )
}
