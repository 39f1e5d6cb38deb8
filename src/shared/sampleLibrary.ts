/** What `loadSampleLibrary` stored, and which of its articles to open side by side. */
export interface LoadedSamples {
  /** The sample articles, in the order the sample library lists them. */
  articleIds: string[]
  /** The articles that disagree most, to open side by side. */
  openIds: string[]
  highlights: number
  claims: number
  links: number
}
