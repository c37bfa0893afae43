import type { RecordingKeys } from './content-key'
import type { CachedPeaks } from './peaks-cache'
import type { CachedLink } from './streamed-start'
import { warmDecodeWorkers } from './decode-pool'

/**
 * The lookup worker's messages: that no entry was downloaded from the link, if so; the entry
 * found (null: none); then whether it is confirmed.
 */
export type LinkLookupReply =
  | { found: { keys: RecordingKeys; cached: CachedPeaks } | null }
  | { confirmed: boolean }
  | { linkUnknown: true }

/** Longer than a ranged read may take (see `readRange`): a lookup that hangs is a miss. */
const LOOKUP_TIMEOUT_MS = 20_000

interface Lookup {
  found: Promise<CachedLink | undefined>
  /** Resolves with its first message: the hit, or undefined (see `firstWordOn`). */
  firstWord: Promise<CachedLink | undefined>
  stop: () => void
  /** Aborts when the lookup has ended. */
  ended: AbortSignal
}

/**
 * Told that no cache entry was downloaded from the link, with whether the lookup then missed by
 * the file's own bytes too (true), or found it under another link or failed (false).
 */
export type LinkUnknown = (missed: Promise<boolean>) => void

/** Lookups started before the app's code had loaded, by absolute link, until taken. */
const early = new Map<string, Lookup>()
/** What each of those said first (see `firstWordOn`), until it ends. */
const firstWords = new Map<string, Promise<CachedLink | undefined>>()

/**
 * Starts the lookup of the page's linked recording as the page's first script runs (see
 * `main.tsx`): the worker takes 50–150 ms to start, which would otherwise follow the loading of
 * the app's code and come before the cache's answer. A link that cannot be looked up (not a URL,
 * no workers allowed) is left to the download, which says what is wrong with it.
 */
export function lookUpEarly(url: string, onLinkUnknown?: LinkUnknown) {
  try {
    const href = absoluteLink(url)
    const lookup = startLookup(href, onLinkUnknown)
    early.set(href, lookup)
    firstWords.set(href, lookup.firstWord)
  } catch {
    // The app opens the link itself, and reports it.
  }
}

/**
 * A reopened link's peaks, looked up from its link alone in a worker of its own (see
 * `cachedByRanges`), or taken from `lookUpEarly`; undefined when the cache does not have them.
 * The worker ends once the hit is confirmed or refuted, when `signal` aborts, or
 * `LOOKUP_TIMEOUT_MS` after it started; a hit it could not confirm by then is refuted.
 */
export function cachedLinkInWorker(
  url: string,
  signal: AbortSignal,
): Promise<CachedLink | undefined> {
  const href = absoluteLink(url)
  const lookup = early.get(href) ?? startLookup(href)
  early.delete(href)
  if (signal.aborted) lookup.stop()
  else signal.addEventListener('abort', lookup.stop, { once: true, signal: lookup.ended })
  return lookup.found
}

/** The most the app waits for a lookup's first word (see `firstWordOn`). */
const FIRST_WORD_WAIT_MS = 1000

/**
 * What the lookup `lookUpEarly` started for `url` said first: the entry, when one was downloaded
 * from that link; undefined when none was (a new link: the first script has asked for its
 * download and planned its opening by then, see `openEarly`), when it missed or failed, when it
 * has ended, after `FIRST_WORD_WAIT_MS`, and at once when no lookup was started.
 */
export function firstWordOn(url: string): Promise<CachedLink | undefined> {
  let href: string
  try {
    href = absoluteLink(url)
  } catch {
    // Not a link: its download says so.
    return Promise.resolve(undefined)
  }
  const word = firstWords.get(href)
  if (!word) return Promise.resolve(undefined)
  return Promise.race([
    word,
    new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_WORD_WAIT_MS)),
  ])
}

/**
 * A link as the cache knows it (see `CacheEntry`): one relative to the page would be read
 * relative to the worker's script.
 */
export function absoluteLink(url: string): string {
  return new URL(url, document.baseURI).href
}

function startLookup(href: string, onLinkUnknown?: LinkUnknown): Lookup {
  // The link is the worker's name, which it reads as it starts: a message posted before its
  // script has run waits for the page to hand it on, behind the page's own first tasks.
  const worker = new Worker(new URL('./link-lookup.worker.ts', import.meta.url), {
    type: 'module',
    name: href,
  })
  let resolve: (link: CachedLink | undefined) => void = () => {}
  const found = new Promise<CachedLink | undefined>((done) => (resolve = done))
  let spoke: (hit: CachedLink | undefined) => void = () => {}
  const firstWord = new Promise<CachedLink | undefined>((done) => (spoke = done))
  let confirm: (same: boolean) => void = () => {}
  const confirmed = new Promise<boolean>((done) => (confirm = done))
  const ended = new AbortController()
  let missed: (miss: boolean) => void = () => {}
  let hit = false
  const stop = () => {
    worker.terminate()
    clearTimeout(timeout)
    resolve(undefined)
    spoke(undefined)
    confirm(false)
    missed(false)
    ended.abort()
    if (firstWords.get(href) === firstWord) firstWords.delete(href)
    // A hit never taken (the reviewer opened files of their own first) lets its peaks go; a miss
    // is kept for the app to take, or it would look the link up all over again.
    if (hit && early.get(href) === lookup) early.delete(href)
  }
  const timeout = setTimeout(stop, LOOKUP_TIMEOUT_MS)
  worker.onmessage = ({ data }: MessageEvent<LinkLookupReply>) => {
    // Most likely a recording new to the cache: its decode workers start, and compile libopus,
    // while the page and the download start.
    if ('linkUnknown' in data) {
      warmDecodeWorkers()
      onLinkUnknown?.(new Promise((done) => (missed = done)))
      spoke(undefined)
    } else if ('confirmed' in data) {
      confirm(data.confirmed)
      stop()
    } else if (data.found) {
      hit = true
      missed(false)
      const link = { ...data.found, confirmed }
      resolve(link)
      spoke(link)
    } else {
      missed(true)
      stop()
    }
  }
  worker.onerror = stop
  const lookup = { found, firstWord, stop, ended: ended.signal }
  return lookup
}
