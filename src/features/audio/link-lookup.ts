import type { RecordingKeys } from './content-key'
import type { CachedPeaks } from './peaks-cache'
import type { CachedLink } from './streamed-start'

/** The lookup worker's first message: the entry found (null: none), then whether it is confirmed. */
export type LinkLookupReply =
  { found: { keys: RecordingKeys; cached: CachedPeaks } | null } | { confirmed: boolean }

/** Longer than a ranged read may take (see `readRange`): a lookup that hangs is a miss. */
const LOOKUP_TIMEOUT_MS = 20_000

/**
 * A reopened link's peaks, looked up from its link alone in a worker of its own (see
 * `cachedByRanges`); undefined when the cache does not have them. The worker ends once the hit
 * is confirmed or refuted, when `signal` aborts, or after `LOOKUP_TIMEOUT_MS`; a hit it could
 * not confirm by then is refuted.
 */
export function cachedLinkInWorker(
  url: string,
  signal: AbortSignal,
): Promise<CachedLink | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined)
    // The link is the worker's name, which it reads as it starts: a message posted before its
    // script has run waits for the page to hand it on, behind the page's own first tasks. A link
    // relative to the page would be read relative to the worker's script.
    const worker = new Worker(new URL('./link-lookup.worker.ts', import.meta.url), {
      type: 'module',
      name: new URL(url, document.baseURI).href,
    })
    let confirm: (same: boolean) => void = () => {}
    const confirmed = new Promise<boolean>((done) => (confirm = done))
    const end = () => {
      worker.terminate()
      clearTimeout(timeout)
      signal.removeEventListener('abort', end)
      resolve(undefined)
      confirm(false)
    }
    const timeout = setTimeout(end, LOOKUP_TIMEOUT_MS)
    worker.onmessage = ({ data }: MessageEvent<LinkLookupReply>) => {
      if ('confirmed' in data) {
        confirm(data.confirmed)
        end()
      } else if (data.found) resolve({ ...data.found, confirmed })
      else end()
    }
    worker.onerror = end
    signal.addEventListener('abort', end, { once: true })
  })
}
