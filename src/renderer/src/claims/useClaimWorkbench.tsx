import { useCallback, useEffect, useMemo, useState } from 'react'
import type { RefObject } from 'react'
import type { Claim, ClaimStatus, LinkRelation } from '../../../shared/claim'
import type { Reliability } from '../../../shared/source'
import type { PaneState } from '../../../shared/workspace'
import type { UndoStack } from '../annotations/UndoStack'
import type { PaneHandle } from '../reader/ReaderPane'
import type { Shortcut } from '../workspace/shortcut'
import { ClaimCard } from './ClaimCard'
import type { ClaimEdit } from './claimEdit'
import type { PaneClaims } from './ClaimLayer'
import { ClaimList } from './ClaimList'
import { claimsAt } from './claimsAt'
import { claimShortcuts } from './claimShortcuts'
import { describeEdit } from './describeEdit'
import type { LinkCandidate } from './LinkPicker'
import type { LinkMarker } from './numberLinks'
import { markersByClaim, numberLinks } from './numberLinks'
import { quoteOf } from './quoteOf'
import { RELATION_LABELS } from './relationWords'
import { useClaims } from './useClaims'
import { useSources } from './useSources'
import './claims.css'

interface Options {
  panes: PaneState[]
  activeArticleId: string | undefined
  paneHandles: RefObject<Map<string, PaneHandle>>
  /** The workbench's one selection: highlight ids or one claim id. */
  selectedIds: ReadonlySet<string>
  setSelectedIds(ids: ReadonlySet<string>): void
  undoStack: UndoStack
  titleOf(articleId: string): string
  /** Opens an article in a new pane beside the active one. */
  openBeside(articleId: string): void
  activatePane(paneId: string): void
  onCountsChanged(): void
  say(text: string): void
  report(error: unknown): void
}

const NO_MARKERS: ReadonlyMap<string, LinkMarker[]> = new Map()

/**
 * Claims in the reader, wired in one place: what each pane paints, the claim card and
 * list of the annotations panel, the claim keys, link mode, and undo for all of it.
 */
export function useClaimWorkbench(options: Options) {
  const { panes, paneHandles, selectedIds, setSelectedIds, undoStack, titleOf } = options
  const { say, report, openBeside, activatePane, onCountsChanged } = options
  const [reveal, setReveal] = useState<{ articleId: string; claimId: string; serial: number }>()
  const [linking, setLinking] = useState<{ fromId: string; relation: LinkRelation }>()
  const [askedReliability, setAskedReliability] = useState<Reliability>()

  const sources = useSources(undoStack, report)
  const { nameOf } = sources
  const shownIds = useMemo(() => [...new Set(panes.map((p) => p.articleId))], [panes])

  /** Selects a claim, scrolls its pane to it and makes that pane the active one. */
  const showClaim = useCallback(
    (articleId: string, claimId: string) => {
      setSelectedIds(new Set([claimId]))
      setReveal((r) => ({ articleId, claimId, serial: (r?.serial ?? 0) + 1 }))
      const pane = panes.find((p) => p.articleId === articleId)
      if (pane) activatePane(pane.id)
    },
    [setSelectedIds, panes, activatePane]
  )
  const describe = useCallback(
    (before: Claim, edit: ClaimEdit, after: Claim) =>
      describeEdit(before, edit, after, (id) =>
        id === undefined ? 'no one' : (nameOf(id) ?? 'a removed source')
      ),
    [nameOf]
  )
  const { refresh: refreshSources } = sources
  const claims = useClaims({
    undoStack,
    titleOf,
    describe,
    reveal: showClaim,
    onChanged: onCountsChanged,
    report
  })

  const { show, reload } = claims
  useEffect(() => show(shownIds), [show, shownIds])
  // The claims board and the sources registry change the same records: whatever is done
  // anywhere (or undone) is fetched again here, so the panes and the card never show stale
  // grades, claimants or statuses.
  useEffect(
    () =>
      undoStack.onChange(() => {
        reload().catch(() => undefined)
        refreshSources().catch(report)
      }),
    [undoStack, reload, refreshSources, report]
  )

  const openClaims = useMemo(
    () => shownIds.flatMap((id) => claims.byArticle.get(id) ?? []),
    [shownIds, claims.byArticle]
  )
  const selected = openClaims.find((claim) => selectedIds.has(claim.id))
  const numbers = useMemo(
    () => numberLinks(shownIds.map((id) => claims.linksByArticle.get(id) ?? [])),
    [shownIds, claims.linksByArticle]
  )
  const markers = useMemo(
    () =>
      new Map(
        shownIds.map((id) => [id, markersByClaim(claims.linksByArticle.get(id) ?? [], numbers)])
      ),
    [shownIds, claims.linksByArticle, numbers]
  )

  const activateLink = useCallback(
    (marker: LinkMarker) => {
      const { other } = marker.linked
      if (!panes.some((pane) => pane.articleId === other.articleId)) openBeside(other.articleId)
      showClaim(other.articleId, other.id)
    },
    [panes, openBeside, showClaim]
  )

  const markClaim = useCallback(async () => {
    for (const pane of panes) {
      const range = paneHandles.current.get(pane.id)?.selection()
      if (!range) continue
      window.getSelection()?.removeAllRanges()
      try {
        const claim = await claims.create(pane.articleId, range)
        setSelectedIds(new Set([claim.id]))
        activatePane(pane.id)
      } catch (error) {
        report(error)
      }
      return
    }
    say('Select a passage in an article first, then press C.')
  }, [panes, paneHandles, claims, setSelectedIds, activatePane, report, say])

  const edit = useCallback(
    (claim: Claim, change: ClaimEdit) => void claims.update(claim, change).catch(report),
    [claims, report]
  )

  const link = useCallback(
    (from: Claim, to: Claim, relation: LinkRelation) => {
      setLinking(undefined)
      claims
        .link(from, to, relation)
        .then(
          () =>
            say(
              `Linked: ${quoteOf(from.quote.exact, 32)} ${RELATION_LABELS[relation]} ${quoteOf(to.quote.exact, 32)}`
            ),
          report
        )
    },
    [claims, say, report]
  )

  const markPhrase = useCallback(
    (claim: Claim) => {
      for (const pane of panes) {
        const range = paneHandles.current.get(pane.id)?.selection()
        if (!range) continue
        if (pane.articleId !== claim.articleId)
          return say('The attribution phrase must be in the claim’s own article.')
        window.getSelection()?.removeAllRanges()
        return edit(claim, { attributionSpan: range })
      }
      say('Select the attributing words in the text (“said Ilse Marrow”), then press the button.')
    },
    [panes, paneHandles, edit, say]
  )

  const linkCandidates = useCallback(
    (from: Claim): LinkCandidate[] => {
      const others = shownIds.filter((id) => id !== from.articleId)
      return [...others, from.articleId].flatMap((articleId) =>
        (claims.byArticle.get(articleId) ?? [])
          .filter((claim) => claim.id !== from.id)
          .map((claim) => ({
            claim,
            articleTitle: titleOf(articleId),
            sourceName: claim.sourceId ? sources.byId.get(claim.sourceId)?.name : undefined
          }))
      )
    },
    [shownIds, claims.byArticle, titleOf, sources.byId]
  )

  const paneClaims = (pane: PaneState): PaneClaims => {
    const list = claims.byArticle.get(pane.articleId) ?? []
    const first = panes.find((p) => p.articleId === pane.articleId)
    return {
      claims: list,
      selectedId: selected?.id,
      markers: markers.get(pane.articleId) ?? NO_MARKERS,
      linking: linking !== undefined,
      reveal:
        reveal && reveal.articleId === pane.articleId && first?.id === pane.id ? reveal : undefined,
      onTextClick(offset, highlightIds) {
        const here = claimsAt(list, offset)
        if (linking) {
          const from = openClaims.find((c) => c.id === linking.fromId)
          const target = here.find((c) => c.id !== linking.fromId)
          if (from && target) link(from, target, linking.relation)
          else say('Click another claim (an underlined passage), or pick one from the list.')
          return true
        }
        if (here.length === 0) return false
        // Clicking again cycles through what is under the pointer: each claim, then the
        // highlights there.
        const at = here.findIndex((c) => selectedIds.has(c.id))
        const next = here[at + 1]
        if (at >= 0 && !next && highlightIds.length > 0) return false
        setSelectedIds(new Set([(next ?? here[0]!).id]))
        return true
      },
      onMarker: activateLink,
      onClaim: () => void markClaim()
    }
  }

  const setStatus = (status: ClaimStatus): boolean => {
    if (!selected) return false
    if (selected.status !== status) edit(selected, { status })
    return true
  }

  const shortcuts: Shortcut[] = claimShortcuts({
    markClaim: () => void markClaim(),
    setStatus,
    setCredibility(credibility) {
      if (!selected) return false
      if (selected.credibility !== credibility) edit(selected, { credibility })
      return true
    },
    askReliability(reliability) {
      if (!selected) return false
      if (!selected.sourceId) say('Pick the claimant first: reliability belongs to the source.')
      else setAskedReliability(reliability)
      return true
    },
    startLink() {
      if (!selected) return false
      setLinking({ fromId: selected.id, relation: linking?.relation ?? 'supports' })
      return true
    },
    deleteClaim() {
      if (!selected) return false
      // Deleting from the claims list keeps the keyboard there, on the next claim.
      const inList = document.activeElement?.closest('[data-claim-row]') != null
      const siblings = claims.byArticle.get(selected.articleId) ?? []
      const at = siblings.findIndex((c) => c.id === selected.id)
      const next = inList ? (siblings[at + 1] ?? siblings[at - 1]) : undefined
      claims.remove(selected).then(() => {
        if (!next) return setSelectedIds(new Set())
        showClaim(next.articleId, next.id)
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-claim-row="${next.id}"]`)?.focus()
        )
      }, report)
      return true
    },
    cancelLink() {
      if (!linking) return false
      setLinking(undefined)
      return true
    }
  })

  const source = selected?.sourceId ? sources.byId.get(selected.sourceId) : undefined
  const card = selected && (
    <ClaimCard
      key={selected.id}
      claim={selected}
      articleTitle={titleOf(selected.articleId)}
      sources={sources}
      markers={markers.get(selected.articleId)?.get(selected.id) ?? []}
      version={claims.version}
      askedReliability={askedReliability}
      linking={
        linking?.fromId === selected.id
          ? { relation: linking.relation, candidates: linkCandidates(selected) }
          : undefined
      }
      onEdit={(change) => edit(selected, change)}
      unsaved={claims.unsaved.get(selected.id)}
      onNoteSaved={claims.saved}
      onCreateSource={async (name, kind) => {
        try {
          const created = await sources.create(name, kind)
          await claims.update(selected, { sourceId: created.id })
        } catch (error) {
          report(error)
          throw error
        }
      }}
      onGrade={async (reliability, reason) => {
        if (!source) return
        await sources.grade(source, reliability, reason).catch((error: unknown) => {
          report(error)
          throw error
        })
      }}
      onAskedReliabilityDone={() => setAskedReliability(undefined)}
      onMarkPhrase={() => markPhrase(selected)}
      onStartLink={() => setLinking({ fromId: selected.id, relation: 'supports' })}
      onRelation={(relation) => setLinking({ fromId: selected.id, relation })}
      onLink={(candidate) => linking && link(selected, candidate.claim, linking.relation)}
      onCancelLink={() => setLinking(undefined)}
      onActivateLink={activateLink}
      onUnlink={(marker) => void claims.unlink(marker.linked, selected).catch(report)}
      onDelete={() => void claims.remove(selected).then(() => setSelectedIds(new Set()), report)}
      onError={report}
    />
  )

  const activeId = options.activeArticleId
  const list = (
    <ClaimList
      title={activeId === undefined ? undefined : titleOf(activeId)}
      claims={(activeId && claims.byArticle.get(activeId)) || []}
      selectedId={selected?.id}
      sources={sources.byId}
      markers={(activeId && markers.get(activeId)) || NO_MARKERS}
      onSelect={(claim) => showClaim(claim.articleId, claim.id)}
    />
  )

  return {
    paneClaims,
    card,
    list,
    shortcuts,
    selected,
    markClaim: () => void markClaim(),
    added: claims.added,
    removed: claims.removed,
    /** Reads the registry again, after another feature entered sources (the sample library). */
    refreshSources
  }
}
