import { useEffect, useRef, useState } from 'react'

/**
 * The latest result of `load()`, fetched again whenever `key` changes; undefined until the
 * first arrives. A result that arrives after a newer request started is dropped.
 */
export function useFetched<T>(
  key: string,
  load: () => Promise<T>,
  onError: (error: unknown) => void
): T | undefined {
  const [result, setResult] = useState<T>()
  // `load` is a new function at each render; `key` is what says its result changed.
  const latest = useRef(load)
  useEffect(() => {
    latest.current = load
  })
  useEffect(() => {
    let current = true
    latest.current().then(
      (value) => current && setResult(value),
      (error: unknown) => current && onError(error)
    )
    return () => {
      current = false
    }
  }, [key, onError])
  return result
}
