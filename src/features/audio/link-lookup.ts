import type { CachedLink } from './streamed-start'

export interface LinkLookup {
  url: string
}

export type LinkLookupReply = CachedLink | null

/** Longer than a ranged read may take (see `readRange`): a lookup that hangs is a miss. */
const LOOKUP_TIMEOUT_MS = 20_000

/**
 * A reopened link's peaks, looked up from its link alone in a worker of its own (see
 * `cachedByRanges`); undefined when the cache does not have them. The worker ends with the
 * answer, when `signal` aborts, or after `LOOKUP_TIMEOUT_MS`.
 */
export function cachedLinkInWorker(
  url: string,
  signal: AbortSignal,
): Promise<CachedLink | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined)
    const worker = new Worker(new URL('./link-lookup.worker.ts', import.meta.url), {
      type: 'module',
    })
    const settle = (found: CachedLink | undefined) => {
      worker.terminate()
      clearTimeout(timeout)
      signal.removeEventListener('abort', abandon)
      resolve(found)
    }
    const abandon = () => settle(undefined)
    const timeout = setTimeout(abandon, LOOKUP_TIMEOUT_MS)
    worker.onmessage = (event: MessageEvent<LinkLookupReply>) => settle(event.data ?? undefined)
    worker.onerror = abandon
    signal.addEventListener('abort', abandon, { once: true })
    // A link relative to the page would be read relative to the worker's script.
    worker.postMessage({ url: new URL(url, document.baseURI).href } satisfies LinkLookup)
  })
}
