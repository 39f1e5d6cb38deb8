import { Fragment, useEffect, useRef } from 'react'
import type { SourceRecord } from '../../../shared/source'
import { SpacerRow } from '../workspace/SpacerRow'
import { useVirtualRows } from '../workspace/useVirtualRows'
import { describeTrackRecord } from './describeTrackRecord'
import { KIND_LABELS } from './kindLabels'

interface Props {
  sources: SourceRecord[]
  selectedId: string | undefined
  onSelect(id: string): void
  /** A row to scroll to and focus once it is listed, once a request. */
  revealRequest?: { sourceId: string }
}

const ROW_HEIGHT = 28
const OVERSCAN = 12

/** The registry as a grid: arrows, Home and End move the selection; windowed. */
export function SourceList({ sources, selectedId, onSelect, revealRequest }: Props) {
  const selectedIndex = sources.findIndex((s) => s.id === selectedId)
  const { ref, onScroll, reveal, indexes, element } = useVirtualRows(
    sources.length,
    ROW_HEIGHT,
    OVERSCAN,
    selectedIndex
  )

  const focusRow = (at: number): void => {
    const source = sources[at]
    if (!source) return
    onSelect(source.id)
    const scroller = element.current
    reveal(at, 'nearest', scroller?.querySelector('thead')?.clientHeight ?? ROW_HEIGHT)
    const row = (): HTMLElement | null | undefined =>
      scroller?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(source.id)}"]`)
    const rendered = row()
    if (rendered) rendered.focus()
    else requestAnimationFrame(() => row()?.focus())
  }

  // The registry may still be fetching its sources when the request comes.
  const revealed = useRef<Props['revealRequest']>(undefined)
  useEffect(() => {
    if (!revealRequest || revealed.current === revealRequest) return
    const at = sources.findIndex((s) => s.id === revealRequest.sourceId)
    if (at < 0) return
    revealed.current = revealRequest
    focusRow(at)
  })

  const onKey = (event: React.KeyboardEvent, at: number): void => {
    const to =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? sources.length - 1
              : undefined
    if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    focusRow(Math.min(Math.max(to, 0), sources.length - 1))
  }

  const focusable = selectedIndex >= 0 ? selectedId : sources[indexes[0] ?? 0]?.id
  return (
    <div className="table-scroll" ref={ref} onScroll={onScroll}>
      <table role="grid" aria-label="Sources" aria-rowcount={sources.length + 1}>
        <colgroup>
          <col style={{ width: '26%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '24%' }} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Aliases</th>
            <th scope="col">Reliability</th>
            <th scope="col" className="numeric">
              Claims
            </th>
            <th scope="col">Track record</th>
          </tr>
        </thead>
        <tbody>
          {indexes.map((at, k) => {
            const source = sources[at]!
            const gap = at - (indexes[k - 1] ?? -1) - 1
            const record = describeTrackRecord(source.byStatus)
            return (
              <Fragment key={source.id}>
                {gap > 0 && <SpacerRow rows={gap} rowHeight={ROW_HEIGHT} />}
                <tr
                  data-id={source.id}
                  aria-rowindex={at + 2}
                  aria-label={`${source.name}, ${KIND_LABELS[source.kind]}, reliability ${source.reliability ?? 'not graded'}, ${record}`}
                  aria-selected={source.id === selectedId}
                  tabIndex={source.id === focusable ? 0 : -1}
                  onClick={() => onSelect(source.id)}
                  onFocus={() => onSelect(source.id)}
                  onKeyDown={(event) => onKey(event, at)}
                >
                  <td className="title-cell" title={source.name}>
                    {source.name}
                  </td>
                  <td>{KIND_LABELS[source.kind]}</td>
                  <td title={source.aliases.join(', ') || undefined}>
                    {source.aliases.join(', ')}
                  </td>
                  <td className="source-grade">{source.reliability ?? '—'}</td>
                  <td className="numeric">{source.claims}</td>
                  <td title={record}>{record}</td>
                </tr>
              </Fragment>
            )
          })}
          {sources.length - 1 > (indexes.at(-1) ?? -1) && (
            <SpacerRow rows={sources.length - 1 - (indexes.at(-1) ?? -1)} rowHeight={ROW_HEIGHT} />
          )}
        </tbody>
      </table>
    </div>
  )
}
