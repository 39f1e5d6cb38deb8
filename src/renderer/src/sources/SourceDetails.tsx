import type { Reliability, SourceRecord } from '../../../shared/source'
import { STATUS_CUES } from '../claims/statusCues'
import { RELIABILITY_MEANING } from '../claims/admiraltyScale'
import { formatCount } from '../format/formatCount'
import { TRACK_RECORD_ORDER } from './describeTrackRecord'
import { GradeForm } from './GradeForm'
import { GradeHistory } from './GradeHistory'
import { KIND_LABELS } from './kindLabels'
import { SourceEditForm } from './SourceEditForm'
import type { SourceEdit } from './useSources'

interface Props {
  source: SourceRecord
  onSave(fields: SourceEdit): void
  onGrade(reliability: Reliability | null, reason: string): void
  onMerge(): void
  onDelete(): void
}

const CLAIMS = { one: 'claim', other: 'claims' }

/** One source: its grade and history, its track record, and what can be done to it. */
export function SourceDetails({ source, onSave, onGrade, onMerge, onDelete }: Props) {
  // The forms start again from what is stored whenever the source changes.
  const version = `${source.id}@${source.updatedAt}`
  return (
    <aside className="source-details" aria-label={`Source: ${source.name}`}>
      <header>
        <h2>{source.name}</h2>
        <p className="source-summary">
          {KIND_LABELS[source.kind]} ·{' '}
          {source.reliability
            ? `${source.reliability}: ${RELIABILITY_MEANING[source.reliability]}`
            : 'reliability not graded'}
        </p>
      </header>

      <h3>Track record</h3>
      <p className="source-summary">{formatCount(source.claims, CLAIMS)}</p>
      <dl className="track-record">
        {TRACK_RECORD_ORDER.map((status) => (
          <div key={status}>
            <dt>{STATUS_CUES[status].label}</dt>
            <dd>{source.byStatus[status].toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>

      <h3>Reliability</h3>
      <GradeForm key={`grade-${version}`} source={source} onGrade={onGrade} />
      <h3>Grade history</h3>
      <GradeHistory name={source.name} history={source.gradeHistory} />

      <h3>Name and aliases</h3>
      <SourceEditForm key={`edit-${version}`} source={source} onSave={onSave} />

      <div className="source-actions">
        <button type="button" onClick={onMerge}>
          Merge with…
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Delete source
        </button>
      </div>
    </aside>
  )
}
