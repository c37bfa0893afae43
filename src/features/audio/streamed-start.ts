import { KEY_SLICE_BYTES, KEY_SLICES } from '../../domain/audio/content-key'
import type { RecordingKeys } from './content-key'
import { probeKey } from './content-key'
import { warmDecodeWorkers } from './decode-pool'
import type { GrowingFile } from './growing-file'
import { rangedKeys, readRange } from './linked-keys'
import type { CachedPeaks } from './peaks-cache'
import { cachedProbes, mayHold, readPeaks } from './peaks-cache'

/** Holds an Ogg file's last page (at most 65,307 bytes) and the content key's last slice. */
const TAIL_BYTES = 128 * 1024

/** What a recording still downloading is opened from: its size, first slice and tail. */
export interface StreamedStart {
  size: number
  /** The first `KEY_SLICE_BYTES`. */
  start: Blob
  tail: Uint8Array
  /** Where the tail starts in the file. */
  tailStart: number
}

/** A reopened link whose peaks the cache holds: drawn from there, without waiting for its download. */
export interface CachedLink {
  keys: RecordingKeys
  cached: CachedPeaks
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
  // Read once, while the headers and the tail come in. An empty cache cannot hold the recording:
  // the workers start, and compile libopus, meanwhile. Otherwise they start once the probe has
  // missed: started on a reopen, they would take the cores its cache read needs.
  const probes = cachedProbes()
  void probes.then((known) => {
    if (known?.length === 0 && !signal.aborted) warmDecodeWorkers()
  })
  const size = await file.sized
  if (size === undefined || size <= KEY_SLICES * KEY_SLICE_BYTES) return undefined
  // The tail is asked for with the headers, and the probe's first slice comes with the first
  // chunks: the workers start long before the opening ranges' bytes are all in.
  const [start, tail] = await Promise.all([
    file.upTo(KEY_SLICE_BYTES),
    readTail(file.url, size, signal),
  ])
  if (!start || !tail || signal.aborted || start.size < KEY_SLICE_BYTES) return undefined
  const tailStart = size - tail.length
  const probe = await probeKey(size, (span) =>
    span.start === 0
      ? start.slice(span.start, span.end)
      : new Blob([tail.slice(span.start - tailStart, span.end - tailStart)]),
  )
  if (signal.aborted) return undefined
  if (mayHold(await probes, probe))
    return cachedLink(file, size, { start, tail, tailStart }, signal)
  warmDecodeWorkers()
  return { size, start, tail, tailStart }
}

/**
 * The reopened link's keys from its slices read in ranges, or from its download if that ends
 * first (a fast link's, for a file that is not large), and its peaks if the cache has them.
 */
async function cachedLink(
  file: GrowingFile,
  size: number,
  { start, tail, tailStart }: Omit<StreamedStart, 'size'>,
  signal: AbortSignal,
): Promise<CachedLink | undefined> {
  const first = { at: 0, bytes: new Uint8Array(await start.arrayBuffer()) }
  const inHand = [first, { at: tailStart, bytes: tail }]
  const ranged = rangedKeys(file.url, size, inHand, signal)
  // A held download waits for its reader: it cannot end before this has chosen.
  const keys = await firstFound(file.holding === 'held' ? [ranged] : [ranged, file.keys()])
  const cached = keys && (await readPeaks(keys.key, Promise.resolve(keys.probe)))
  return keys && cached && !signal.aborted ? { keys, cached } : undefined
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

/** The last `TAIL_BYTES` by an HTTP range request; undefined unless the server answered exactly that. */
function readTail(url: string, size: number, signal: AbortSignal) {
  return readRange(url, size - TAIL_BYTES, size, size, signal)
}
