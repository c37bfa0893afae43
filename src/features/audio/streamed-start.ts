import { KEY_SLICE_BYTES, keySpans, tailSpan } from '../../domain/audio/content-key'
import type { RecordingKeys } from './content-key'
import { probeKey } from './content-key'
import { warmDecodeWorkers } from './decode-pool'
import type { GrowingFile } from './growing-file'
import { absoluteLink, cachedLinkInWorker } from './link-lookup'
import { keysOf, readRange, readSlices } from './linked-keys'
import type { CachedPeaks } from './peaks-cache'
import { cachedEntries, mayHold, readPeaks, touchEntry } from './peaks-cache'

/** What a recording still downloading is opened from: its size, first slice and tail. */
export interface StreamedStart {
  size: number
  /** The first `KEY_SLICE_BYTES`. */
  start: Blob
  tail: Uint8Array
  /** Where the tail starts in the file. */
  tailStart: number
}

/** Bytes this near a file's end are read in one ranged request, whatever they hold. */
const TRAILING_READ_BYTES = 8 << 20

/**
 * Bytes `from` up to the end of a linked file (an MP4's `moov` or a WebM's cues, written last):
 * from the tail in hand, or one ranged read when they are near enough the end; undefined when
 * they are not, or the read fails.
 */
export async function bytesToEnd(
  url: string,
  { size, tail, tailStart }: StreamedStart,
  from: number,
  signal: AbortSignal,
): Promise<Uint8Array | undefined> {
  if (from >= tailStart) return tail.subarray(from - tailStart)
  if (size - from > TRAILING_READ_BYTES) return undefined
  return readRange(url, from, size, size, signal)
}

/**
 * A reopened link whose peaks the cache holds: drawn from there, without waiting for its
 * download. Found by its probe, it is that entry's unless `confirmed`, once the rest of its key
 * is read, says otherwise.
 */
export interface CachedLink {
  keys: RecordingKeys
  cached: CachedPeaks
  confirmed: Promise<boolean>
}

/**
 * A download whose opening can be decoded while the rest arrives, or a reopened one found in the
 * cache by its key's slices read in ranges. Undefined, and the recording opens from the whole
 * file as a dropped one does, when it is small, the server gives no ranged reads, or the cache
 * may hold it but its slices do not say so (a reopen starts no decode worker).
 */
export async function streamedStart(
  file: GrowingFile,
  signal: AbortSignal,
): Promise<StreamedStart | CachedLink | undefined> {
  const lookup = new AbortController()
  const inWorker = cachedLinkInWorker(file.url, AbortSignal.any([signal, lookup.signal]))
  const probed = probedStart(file, signal)
  // The worker's hit is taken as soon as it comes, before the probe if it is first.
  const first = await Promise.race([
    inWorker.then((link) => link && { link }),
    probed.then((start) => ({ start })),
  ])
  if (first && 'link' in first) return used(first.link, file.url)
  const start = await probed
  if (!start?.mayBeCached) lookup.abort()
  if (!start) return undefined
  if (!start.mayBeCached) {
    warmDecodeWorkers()
    return start.begun
  }
  const found = await inWorker
  // An entry stored before sizes were (see `CacheEntry`) is found as it was then.
  return found ? used(found, file.url) : cachedLink(file, start.begun, signal)
}

/** A hit taken from `url`: once confirmed, a reopen of that link finds it by the link alone. */
function used(link: CachedLink, url: string): CachedLink {
  const { key, probe, size } = link.keys
  void link.confirmed.then(
    (same) => same && touchEntry(key, { probe, size, link: absoluteLink(url) }),
  )
  return link
}

/**
 * What the download's first bytes and tail say: where its opening is, and whether the cache may
 * have it (its probe, see `mayHold`).
 */
async function probedStart(
  file: GrowingFile,
  signal: AbortSignal,
): Promise<{ begun: StreamedStart; mayBeCached: boolean } | undefined> {
  // Read once, while the headers and the tail come in. An empty cache cannot hold the recording:
  // the workers start, and compile libopus, meanwhile. Otherwise they start once the probe has
  // missed: started on a reopen, they would take the cores its cache read needs.
  const entries = cachedEntries()
  void entries.then((known) => {
    if (known?.length === 0 && !signal.aborted) warmDecodeWorkers()
  })
  const size = await file.sized
  const span = size === undefined ? undefined : tailSpan(size)
  if (size === undefined || !span) return undefined
  // The tail is asked for with the headers, and the probe's first slice comes with the first
  // chunks: the workers start long before the opening ranges' bytes are all in.
  const [start, tail] = await Promise.all([
    file.upTo(KEY_SLICE_BYTES),
    readRange(file.url, span.start, span.end, size, signal),
  ])
  if (!start || !tail || signal.aborted || start.size < KEY_SLICE_BYTES) return undefined
  const begun = { size, start, tail, tailStart: size - tail.length }
  const probe = await probeKey(size, (span) =>
    span.start === 0
      ? start.slice(span.start, span.end)
      : tail.subarray(span.start - begun.tailStart, span.end - begun.tailStart),
  )
  return signal.aborted ? undefined : { begun, mayBeCached: mayHold(await entries, probe) }
}

/**
 * The reopened link's keys from its slices read in ranges, or from its download if that ends
 * first (a fast link's, for a file that is not large), and its peaks if the cache has them.
 */
async function cachedLink(
  file: GrowingFile,
  begun: StreamedStart,
  signal: AbortSignal,
): Promise<CachedLink | undefined> {
  const ranged = keysByRanges(file.url, begun, signal)
  // A held download waits for its reader: it cannot end before this has chosen.
  const keys = await firstFound(file.holding === 'held' ? [ranged] : [ranged, file.keys()])
  const cached = keys && (await readPeaks(keys.key))
  return keys && cached && !signal.aborted
    ? used({ keys, cached, confirmed: Promise.resolve(true) }, file.url)
    : undefined
}

/**
 * A linked file's keys from the first slice and tail its start holds, and its inner slices read
 * in ranges; undefined if they cannot be.
 */
export async function keysByRanges(
  url: string,
  { size, start, tail, tailStart }: StreamedStart,
  signal: AbortSignal,
): Promise<RecordingKeys | undefined> {
  const first = { at: 0, bytes: new Uint8Array(await start.arrayBuffer()) }
  const inner = await readSlices(url, size, keySpans(size).slice(1, -1), signal)
  return inner && keysOf(size, [first, { at: tailStart, bytes: tail }, ...inner])
}

/** The first of `found` to resolve to something; undefined once all have found nothing. */
function firstFound<T>(found: Promise<T | undefined>[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    let left = found.length
    for (const one of found)
      void one.then((value) => {
        left -= 1
        if (value !== undefined || left === 0) resolve(value)
      })
  })
}
