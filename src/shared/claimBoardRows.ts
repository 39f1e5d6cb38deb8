import type { ClaimBoard, ClaimBoardRow, Credibility } from './claim'

/** The board's claims as rows, in the board's order: what the CLI and the board's table use. */
export function claimBoardRows(board: ClaimBoard): ClaimBoardRow[] {
  const { articles, sources, tags, claims } = board
  return claims.id.map((id, i): ClaimBoardRow => {
    const source = sources[claims.source[i]!]
    const credibility = claims.credibility[i]!
    return {
      id,
      articleId: articles[claims.article[i]!]!.id,
      start: claims.start[i]!,
      end: claims.end[i]!,
      exact: claims.exact[i]!,
      statement: claims.statement[i]!,
      ...(source ? { sourceId: source.id } : {}),
      attribution: claims.attribution[i]!,
      status: claims.status[i]!,
      ...(credibility > 0 ? { credibility: credibility as Credibility } : {}),
      tags: claims.tags[i]!.map((tag) => tags[tag]!),
      createdAt: claims.createdAt[i]!,
      updatedAt: claims.updatedAt[i]!,
      articleTitle: articles[claims.article[i]!]!.title,
      ...(source?.name !== undefined ? { sourceName: source.name } : {}),
      ...(source?.reliability ? { reliability: source.reliability } : {}),
      links: claims.links[i]!
    }
  })
}
