import { useCallback, useMemo, useState } from 'react'
import type { UndoableAction } from '../annotations/UndoStack'
import { formatCount } from '../format/formatCount'
import { MergeDialog } from './MergeDialog'
import { NewSourceDialog } from './NewSourceDialog'
import { SourceDetails } from './SourceDetails'
import { SourceList } from './SourceList'
import { useSources } from './useSources'
import './sources.css'

interface Props {
  /** Whether the registry is on screen; it fetches the sources again each time it is shown. */
  shown: boolean
  say(text: string): void
  report(error: unknown): void
  onUndoable(action: UndoableAction): void
  /** Shows the registry: an undo or redo of one of its changes is about to happen. */
  onShow(): void
  /** A source to select, scroll to and focus (a search hit), each time a new request comes. */
  reveal?: { sourceId: string }
}

const SOURCES = { one: 'source', other: 'sources' }

/**
 * The library's claimants: who they are, how reliable (A–F, with every change and its
 * reason), how their claims have stood up; rename, merge and delete them, all undoable.
 */
export function SourcesRegistry({ shown, say, report, onUndoable, onShow, reveal }: Props) {
  const [selectedId, setSelectedId] = useState<string>()
  const [filter, setFilter] = useState('')
  const onReveal = useCallback(
    (sourceId: string) => {
      onShow()
      setFilter('')
      setSelectedId(sourceId)
    },
    [onShow]
  )
  // Undefined at first: a request that mounts the registry is taken too.
  const [revealed, setRevealed] = useState<typeof reveal>(undefined)
  if (reveal !== revealed) {
    setRevealed(reveal)
    if (reveal) {
      setFilter('')
      setSelectedId(reveal.sourceId)
    }
  }
  const registry = useSources({ shown, say, report, onUndoable, onReveal })
  const { sources } = registry
  const [dialog, setDialog] = useState<'new' | 'merge'>()

  const needle = filter.trim().toLowerCase()
  const listed = useMemo(
    () =>
      (sources ?? []).filter(
        (s) =>
          needle === '' ||
          [s.name, ...s.aliases].some((name) => name.toLowerCase().includes(needle))
      ),
    [sources, needle]
  )
  const selected =
    listed.find((s) => s.id === selectedId) ?? (listed.length > 0 ? listed[0] : undefined)
  const total = sources?.length ?? 0

  return (
    <section className="sources" aria-label="Sources registry">
      <div className="sources-main">
        <div className="view-tools">
          <input
            type="search"
            aria-label="Filter sources"
            data-view-focus
            placeholder="Filter by name or alias"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <button type="button" onClick={() => setDialog('new')}>
            New source…
          </button>
          <span className="view-count" aria-live="polite">
            {sources === undefined
              ? 'Loading sources…'
              : listed.length === total
                ? formatCount(total, SOURCES)
                : `${listed.length.toLocaleString('en')} of ${formatCount(total, SOURCES)}`}
          </span>
        </div>
        <SourceList
          sources={listed}
          selectedId={selected?.id}
          onSelect={setSelectedId}
          revealRequest={reveal}
        />
        {sources !== undefined && listed.length === 0 && (
          <p className="empty">
            {total > 0
              ? 'No source matches the filter.'
              : 'No sources yet. Add one with New source…, or name a claimant when you mark a claim.'}
          </p>
        )}
      </div>
      {selected ? (
        <SourceDetails
          source={selected}
          onSave={(fields) => void registry.update(selected, fields)}
          onGrade={(reliability, reason) => void registry.grade(selected, reliability, reason)}
          onMerge={() => setDialog('merge')}
          onDelete={() => void registry.remove(selected)}
        />
      ) : (
        <aside className="source-details" aria-label="Source">
          <p className="empty">Select a source to grade, rename or merge it.</p>
        </aside>
      )}
      {dialog === 'new' && (
        <NewSourceDialog
          onClose={() => setDialog(undefined)}
          onCreate={(fields) =>
            void registry.create(fields).then((created) => created && setSelectedId(created.id))
          }
        />
      )}
      {dialog === 'merge' && selected && (
        <MergeDialog
          source={selected}
          others={(sources ?? []).filter((s) => s.id !== selected.id)}
          onClose={() => setDialog(undefined)}
          onMerge={(survivor, merged) =>
            void registry.merge(survivor, merged).then(() => setSelectedId(survivor.id))
          }
        />
      )}
    </section>
  )
}
