import { plainToDoc } from '../../shared/richText'
import { DossierError } from '../../shared/result'
import type { LoadedSamples } from '../../shared/sampleLibrary'
import { ImportBatch } from '../import/ImportBatch'
import type { Library } from '../store/Library'
import { findSamplesFolder } from './findSamplesFolder'
import { planSampleLibrary } from './planSampleLibrary'
import { formatCount } from '../../shared/formatCount'

/**
 * Fills an empty library with the sample library (`resources/samples/`): imports its
 * articles through the import pipeline, then enters its sources with their grades and
 * creates its highlights, claims and links, each through the library like an analyst's.
 * Refused when the library (Trash included) has an article: samples never mix with real
 * work. The whole sample library is read and checked before the first write.
 */
export async function loadSampleLibrary(library: Library, folder?: string): Promise<LoadedSamples> {
  refuseUnlessEmpty(library)
  const plan = await planSampleLibrary(folder ?? (await findSamplesFolder()))
  refuseUnlessEmpty(library)

  const batch = new ImportBatch(library)
  for (const { file, article } of plan.articles) await batch.add(file, () => article)
  const imported = (await batch.flush()).flatMap((outcome) =>
    outcome.status === 'imported' ? [outcome.article.id] : []
  )
  // Two clicks at once: the second finds the articles the first stored, and stops here.
  if (imported.length !== plan.articles.length)
    throw new DossierError('refused', 'The sample articles are already in the library.')
  const articleIds = new Map(plan.articles.map(({ key }, i) => [key, imported[i]!]))

  const sourceIds = new Map<string, string>()
  for (const { key, name, kind, aliases, note, reliability, reason } of plan.manifest.sources) {
    // A registry kept from before the library was emptied keeps its own entries and grades.
    const existing = library.findSource(name)
    let source = existing ?? (await library.createSource({ name, kind, aliases, note }))
    if (!existing && reliability && reason)
      source = await library.gradeSource({ id: source.id, reliability, reason })
    sourceIds.set(key, source.id)
  }

  for (const { article, position, color, note } of plan.highlights)
    await library.createAnnotation({
      articleId: articleIds.get(article)!,
      ...position,
      color,
      ...(note ? { note: plainToDoc(note) } : {})
    })

  const claimIds = new Map<string, string>()
  for (const claim of plan.claims) {
    const created = await library.createClaim({
      articleId: articleIds.get(claim.article)!,
      ...claim.position,
      ...(claim.cueSpan ? { attributionSpan: claim.cueSpan } : {}),
      sourceId: sourceIds.get(claim.claimant)!,
      attribution: claim.attribution,
      status: claim.status,
      ...(claim.statement ? { statement: claim.statement } : {}),
      ...(claim.credibility ? { credibility: claim.credibility } : {})
    })
    claimIds.set(claim.key, created.id)
  }

  for (const { from, relation, to } of plan.manifest.links)
    await library.createLink({
      fromClaimId: claimIds.get(from)!,
      toClaimId: claimIds.get(to)!,
      relation
    })

  return {
    articleIds: [...articleIds.values()],
    openIds: plan.manifest.open.map((key) => articleIds.get(key)!),
    highlights: plan.highlights.length,
    claims: plan.claims.length,
    links: plan.manifest.links.length
  }
}

function refuseUnlessEmpty(library: Library): void {
  const count = library.listArticles().length + library.listArticles({ trash: true }).length
  if (count > 0)
    throw new DossierError(
      'refused',
      `The sample articles go only into an empty library, and this one has ${formatCount(count, 'article')}, the Trash included.`
    )
}
