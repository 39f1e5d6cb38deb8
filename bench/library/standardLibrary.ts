import type { LibrarySpec } from './generateCorpus'

/** The seed every scenario uses, so their libraries are the same library. */
export const BENCH_SEED = 20_240_501

/** The library: 10,000 articles and 100,000 annotations at full size. */
export function standardLibrary(scale: number, articles = 10_000): LibrarySpec {
  const count = Math.max(1, Math.round(articles * scale))
  return { seed: BENCH_SEED, articles: count, annotations: count * 10 }
}

/** "10,000 articles, 100,000 annotations" for the workload column. */
export function describeLibrary(spec: LibrarySpec): string {
  return `${spec.articles.toLocaleString('en-US')} articles, ${spec.annotations.toLocaleString('en-US')} annotations`
}
