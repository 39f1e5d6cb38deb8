import { useContext } from 'react'
import type { Claim, LinkRelation } from '../../../shared/claim'
import { ATTRIBUTIONS, CLAIM_STATUSES } from '../../../shared/claim'
import type { Reliability, SourceKind } from '../../../shared/source'
import { ClaimNote } from '../notes/ClaimNote'
import { lineLanguage } from '../reader/cjkLanguage'
import { JapaneseArticle } from '../reader/JapaneseArticle'
import type { SourceActions } from './useSources'
import { CREDIBILITY_MEANING } from './admiraltyScale'
import { ATTRIBUTION_LABELS } from './attributionLabels'
import type { ClaimEdit } from './claimEdit'
import { ClaimHistory } from './ClaimHistory'
import { ClaimLinks } from './ClaimLinks'
import { EditableText } from './EditableText'
import { gradeOf } from './gradeOf'
import type { LinkCandidate } from './LinkPicker'
import { LinkPicker } from './LinkPicker'
import type { LinkMarker } from './numberLinks'
import { ReliabilityField } from './ReliabilityField'
import { SourcePicker } from './SourcePicker'
import { STATUS_CUES } from './statusCues'
import { TagEditor } from './TagEditor'
import { SaveStatus } from '../notes/SaveStatus'
import type { UnsavedRecord } from '../saving/RecordSaves'

interface Props {
  claim: Claim
  articleTitle: string
  sources: SourceActions
  markers: LinkMarker[]
  /** Counts every change, so the audit trail and corroboration refetch. */
  version: number
  askedReliability: Reliability | undefined
  linking: { relation: LinkRelation; candidates: LinkCandidate[] } | undefined
  onEdit(edit: ClaimEdit): void
  /** Set while the claim's last edit is not on disk (it is being retried). */
  unsaved?: UnsavedRecord
  /** The note saved itself (it is not an undoable edit: the editor has its own undo). */
  onNoteSaved(claim: Claim): void
  onCreateSource(name: string, kind: SourceKind): Promise<void>
  onGrade(reliability: Reliability | null, reason: string): Promise<void>
  onAskedReliabilityDone(): void
  onMarkPhrase(): void
  onStartLink(): void
  onRelation(relation: LinkRelation): void
  onLink(candidate: LinkCandidate): void
  onCancelLink(): void
  onActivateLink(marker: LinkMarker): void
  onUnlink(marker: LinkMarker): void
  onDelete(): void
  onError(error: unknown): void
}

const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const

/**
 * The selected claim, every field of it: statement, claimant and its reliability, the
 * grade code, attribution, status, credibility, tags, note, links and corroboration, and
 * the audit trail. Each change is saved at once and undoable.
 */
export function ClaimCard(props: Props) {
  const { claim, sources, onEdit } = props
  const japanese = useContext(JapaneseArticle)
  const source = claim.sourceId ? sources.byId.get(claim.sourceId) : undefined
  const grade = gradeOf(claim, source)
  return (
    <section className="claim-card" aria-label="Selected claim">
      <header className="claim-card-head">
        <span
          className={`grade-code${grade.code.includes('?') ? ' ungraded' : ''}`}
          title={grade.meaning}
          aria-label={`Grade ${grade.code}: ${grade.meaning}`}
        >
          {grade.code}
        </span>
        <div>
          <span className={`status-sample status-${claim.status}`}>
            {STATUS_CUES[claim.status].label}
          </span>
          <span className="claim-where">in {props.articleTitle}</span>
          {props.unsaved && (
            <SaveStatus state={props.unsaved.state} problem={props.unsaved.problem} />
          )}
        </div>
      </header>
      <blockquote className="claim-quote" lang={lineLanguage(claim.quote.exact, japanese)}>
        {claim.quote.exact}
      </blockquote>

      <EditableText
        label="Statement"
        value={claim.statement}
        placeholder="The proposition, in your words"
        onCommit={(statement) => onEdit({ statement })}
      />
      <SourcePicker
        sources={sources.sources}
        current={source}
        missing={claim.sourceId !== undefined && !source}
        onPick={(picked) => picked.id !== claim.sourceId && onEdit({ sourceId: picked.id })}
        onCreate={props.onCreateSource}
        onClear={() => onEdit({ sourceId: null })}
      />
      <ReliabilityField
        source={source}
        asked={props.askedReliability}
        onGrade={props.onGrade}
        onAskedDone={props.onAskedReliabilityDone}
      />
      <label>
        Credibility of the claim
        <select
          value={claim.credibility ?? ''}
          onChange={(event) =>
            onEdit({ credibility: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">? ungraded</option>
          {CREDIBILITIES.map((n) => (
            <option key={n} value={n}>
              {n} — {CREDIBILITY_MEANING[n]}
            </option>
          ))}
        </select>
      </label>
      <div className="claim-grid">
        <label>
          Status
          <select
            value={claim.status}
            onChange={(event) => onEdit({ status: event.target.value as Claim['status'] })}
          >
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_CUES[status].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Attribution
          <select
            value={claim.attribution}
            onChange={(event) =>
              onEdit({ attribution: event.target.value as Claim['attribution'] })
            }
          >
            {ATTRIBUTIONS.map((attribution) => (
              <option key={attribution} value={attribution}>
                {ATTRIBUTION_LABELS[attribution]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="attribution-phrase">
        <span className="field-label">Attribution phrase</span>
        {claim.attributionSpan ? (
          <q>{claim.attributionSpan.quote.exact}</q>
        ) : (
          <span className="muted">none marked</span>
        )}
        <div className="row-actions">
          <button
            type="button"
            title="Select the attributing words in the text first"
            onMouseDown={(event) => event.preventDefault()}
            onClick={props.onMarkPhrase}
          >
            Mark attribution phrase
          </button>
          {claim.attributionSpan && (
            <button type="button" onClick={() => onEdit({ attributionSpan: null })}>
              Clear phrase
            </button>
          )}
        </div>
      </div>

      <div className="card-section-head">
        <h4>Links and corroboration</h4>
        {!props.linking && (
          <button type="button" onClick={props.onStartLink} title="Link to another claim (L)">
            Link…
          </button>
        )}
      </div>
      {props.linking && (
        <LinkPicker
          from={claim}
          relation={props.linking.relation}
          candidates={props.linking.candidates}
          onRelation={props.onRelation}
          onPick={props.onLink}
          onCancel={props.onCancelLink}
        />
      )}
      <ClaimLinks
        claimId={claim.id}
        version={props.version}
        markers={props.markers}
        onActivate={props.onActivateLink}
        onUnlink={props.onUnlink}
        onError={props.onError}
      />

      <TagEditor tags={claim.tags} onChange={(tags) => onEdit({ tags })} />
      <ClaimNote claim={claim} onSaved={props.onNoteSaved} />
      <ClaimHistory claimId={claim.id} version={props.version} onError={props.onError} />
      <div className="row-actions end">
        <button type="button" className="danger" onClick={props.onDelete}>
          Delete claim
        </button>
      </div>
    </section>
  )
}
