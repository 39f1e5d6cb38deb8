import { useCallback, useState } from 'react'
import type { LoadedSamples } from '../../../shared/sampleLibrary'
import { unwrap } from '../transport/unwrap'
import { formatCount } from '../../../shared/formatCount'

interface Options {
  /**
   * Shows what was stored: the library again, the disagreeing articles side by side;
   * resolves to whether the library panel was folded away to give them room.
   */
  onLoaded(loaded: LoadedSamples): Promise<{ libraryFolded: boolean }>
  say(text: string): void
  report(error: unknown): void
}

/** "Try with sample articles": stores the sample library, then shows it. */
export function useSampleLibrary({ onLoaded, say, report }: Options) {
  const [loading, setLoading] = useState(false)
  const trySamples = useCallback(async () => {
    setLoading(true)
    try {
      const loaded = await unwrap(window.api.loadSampleLibrary({}))
      const { libraryFolded } = await onLoaded(loaded)
      say(
        `Loaded ${formatCount(loaded.articleIds.length, 'sample article')} with ${formatCount(loaded.highlights, 'highlight')} and ${formatCount(loaded.claims, 'claim')}. ` +
          'Click a claim to see who makes it and what contradicts it.' +
          (libraryFolded
            ? ' The library is folded away to give them room: Shift+L brings it back.'
            : '')
      )
    } catch (error) {
      report(error)
    } finally {
      setLoading(false)
    }
  }, [onLoaded, say, report])
  return { loadingSamples: loading, trySamples }
}
