import { displayChord } from '../workspace/shortcut'
import './panels.css'

interface Props {
  /** Which side the panel is on: its icon shows a bar on that side. */
  side: 'left' | 'right'
  /** The panel's name, e.g. "Library panel"; the button's accessible name. */
  label: string
  /** The id of the panel's element. */
  controls: string
  collapsed: boolean
  chord: string
  onToggle(): void
}

/**
 * The button that folds a side panel away and brings it back: a disclosure button, so its
 * name stays the panel's and `aria-expanded` says whether the panel shows.
 */
export function PanelToggle({ side, label, controls, collapsed, chord, onToggle }: Props) {
  return (
    <button
      type="button"
      id={`${controls}-toggle`}
      className="panel-toggle"
      aria-label={label}
      aria-expanded={!collapsed}
      aria-controls={controls}
      title={`${collapsed ? 'Show' : 'Hide'} the ${label.toLowerCase()} (${displayChord(chord)})`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 18 14" width="18" height="14" aria-hidden="true">
        <rect x="0.75" y="0.75" width="16.5" height="12.5" rx="2" className="panel-toggle-frame" />
        <rect
          x={side === 'left' ? 0.75 : 11.25}
          y="0.75"
          width="6"
          height="12.5"
          rx="2"
          className="panel-toggle-bar"
        />
      </svg>
    </button>
  )
}
