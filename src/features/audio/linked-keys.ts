import { sameLink } from '../../domain/links/unsigned-link'
import type { Span } from '../../domain/audio/content-key'
import { KEY_SLICE_BYTES, KEY_SLICES, keySpans } from '../../domain/audio/content-key'
import type { RecordingKeys } from './content-key'
import { KeySlices, probeKey } from './content-key'
import { answeredRange } from '../loading/body-size'
import { takeEarlyRange } from '../loading/early-fetch'
import type { CacheEntry, CachedPeaks } from './peaks-cache'
import { entriesOfSize } from './peaks-cache'

/** A ranged read that takes longer is given up: the recording then opens from its download. */
const RANGE_TIMEOUT_MS = 15_000

/** Bytes of a file from byte `at` on. */
export interface PlacedBytes {
  at: number
  bytes: Uint8Array
}

/** Bytes of a linked file a range request answered with, where they start, and the file's size. */
export interface RangeAnswer {
  bytes: Uint8Array<ArrayBuffer>
  at: number
  size: number
}

/** How a range's body is read: whole into a new buffer, unless told otherwise (`readRangeInto`). */
type BodyReader = (response: Response) => Promise<Uint8Array<ArrayBuffer> | undefined>

const newBuffer: BodyReader = async (response) => new Uint8Array(await response.arrayBuffer())

/**
 * What the server answers to the range request `range`, if its `Content-Range` is one `wanted`
 * takes (the bytes' first and last position and the file's size), within `timeoutMs`.
 */
async function askRange(
  url: string,
  range: string,
  wanted: (at: number, last: number, size: number) => boolean,
  signal: AbortSignal,
  timeoutMs: number,
  read: BodyReader = newBuffer,
): Promise<RangeAnswer | undefined> {
  // A timer of its own, not `AbortSignal.timeout`: Node may collect a timeout signal that only
  // `AbortSignal.any` refers to, and then it never fires.
  const late = new AbortController()
  const timer = setTimeout(() => late.abort(), timeoutMs)
  try {
    const stop = AbortSignal.any([signal, late.signal])
    const response = await (takeEarlyRange(url, range, stop) ??
      fetch(url, {
        headers: { Range: range },
        // The HTTP cache lets one request at a time write an entry: the reads of a URL would
        // wait for each other, and for its download.
        cache: 'no-store',
        signal: stop,
      }))
    const answered = answeredRange(response)
    if (!answered || !wanted(answered.at, answered.last, answered.size)) {
      void response.body?.cancel()
      return undefined
    }
    const { at, last, size } = answered
    const bytes = await read(response)
    return bytes?.length === last - at + 1 ? { bytes, at, size } : undefined
  } catch {
    return undefined
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Bytes `start` up to `end` of a linked file by an HTTP range request, and the file's size;
 * undefined unless the server answered with exactly those bytes within `timeoutMs`.
 */
export function readSizedRange(
  url: string,
  start: number,
  end: number,
  signal: AbortSignal,
  timeoutMs = RANGE_TIMEOUT_MS,
  read: BodyReader = newBuffer,
): Promise<RangeAnswer | undefined> {
  const wanted = (at: number, last: number) => at === start && last === end - 1
  return askRange(url, `bytes=${start}-${end - 1}`, wanted, signal, timeoutMs, read)
}

/**
 * The last `count` bytes of a linked file and its size, by a suffix range: read before the size
 * is known. Undefined from a server that takes a suffix range for one from the start, as some
 * small ones do.
 */
export function readLastBytes(
  url: string,
  count: number,
  signal: AbortSignal,
): Promise<RangeAnswer | undefined> {
  const wanted = (at: number, last: number, size: number) =>
    last === size - 1 && last - at + 1 === count
  return askRange(url, `bytes=-${count}`, wanted, signal, RANGE_TIMEOUT_MS)
}

/**
 * As `readRange`, read into `into` (its length is the range's), which is handed over: the bytes
 * come back in a view of the same memory. A decode that reads a file range by range uses its
 * buffers again instead of leaving the garbage collector a new one per range.
 */
export function readRangeInto(
  url: string,
  start: number,
  size: number,
  into: Uint8Array<ArrayBuffer>,
  signal: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const read = (response: Response) => fill(response, into)
  return readRange(url, start, start + into.length, size, signal, RANGE_TIMEOUT_MS, read)
}

/** A response's body read into `into`; undefined unless it fills it exactly. */
async function fill(
  response: Response,
  into: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!response.body) return undefined
  let reader: ReadableStreamBYOBReader
  try {
    reader = response.body.getReader({ mode: 'byob' })
  } catch {
    // Not a byte stream: its chunks are copied in.
    const bytes = new Uint8Array(await response.arrayBuffer())
    if (bytes.length !== into.length) return undefined
    into.set(bytes)
    return into
  }
  // Each read hands the buffer over and gives it back: `into` itself is detached by the first.
  const { byteOffset, length } = into
  let { buffer } = into
  let filled = 0
  while (filled < length) {
    const { value, done } = await reader.read(
      new Uint8Array(buffer, byteOffset + filled, length - filled),
    )
    if (!value) return undefined
    buffer = value.buffer
    filled += value.byteLength
    if (done) break
  }
  const more = filled === length && !(await reader.read(new Uint8Array(1))).done
  void reader.cancel().catch(() => {})
  return filled === length && !more ? new Uint8Array(buffer, byteOffset, length) : undefined
}

/** As `readSizedRange`, of a file known to be `size` bytes long. */
export async function readRange(
  url: string,
  start: number,
  end: number,
  size: number,
  signal: AbortSignal,
  timeoutMs = RANGE_TIMEOUT_MS,
  read: BodyReader = newBuffer,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const answer = await readSizedRange(url, start, end, signal, timeoutMs, read)
  return answer?.size === size ? answer.bytes : undefined
}

/** The spans of a file of `size` by range requests; undefined when any cannot be read so. */
export async function readSlices(
  url: string,
  size: number,
  spans: readonly Span[],
  signal: AbortSignal,
): Promise<PlacedBytes[] | undefined> {
  const read = await Promise.all(
    spans.map((span) => readRange(url, span.start, span.end, size, signal)),
  )
  if (signal.aborted) return undefined
  const pieces: PlacedBytes[] = []
  for (const [i, bytes] of read.entries()) {
    if (!bytes) return undefined
    pieces.push({ at: spans[i]!.start, bytes })
  }
  return pieces
}

/** The keys of a file of `size` from pieces of it that hold every slice of its key. */
export function keysOf(size: number, pieces: readonly PlacedBytes[]): Promise<RecordingKeys> {
  const slices = new KeySlices(size)
  for (const { at, bytes } of pieces) slices.take(bytes, at)
  return slices.keys()
}

/** Where `cachedByRanges` reads the cache (the peaks cache, or a test's). */
export interface CacheReader {
  entries(): Promise<CacheEntry[] | undefined>
  peaks(key: string): Promise<CachedPeaks | undefined>
  /** Told when no entry was downloaded from this link: the recording is most likely new to the cache. */
  linkUnknown?: () => void
}

/**
 * A cache entry a linked recording was found to be by its probe; `confirm` reads the rest of its
 * key and tells whether the recording is that entry's after all.
 */
export interface LinkHit {
  keys: RecordingKeys
  cached: CachedPeaks
  confirm(): Promise<boolean>
}

/**
 * A linked recording's peaks if the cache may have them, found from its link alone. An entry
 * last downloaded from this very link is a hit before any byte is read (a link far away costs a
 * round trip a read), confirmed by every slice of its key once handed on. Otherwise the first
 * slice of its content key gives the file's size; only if an entry has that size is the last
 * read (asked for with the first, where the server answers suffix ranges), which makes the probe
 * with it. The one entry of that size and probe is a hit at once: the inner 30 slices, which
 * confirm it, are asked for only once it has been handed on (asking for them took the worker
 * about 1.5 ms each). Several entries of that probe, or one stored without a probe, are told
 * apart by the whole key (1 MB, however long the file).
 */
export async function cachedByRanges(
  url: string,
  cache: CacheReader,
  signal: AbortSignal,
): Promise<LinkHit | undefined> {
  const entries = cache.entries()
  const stored = await entries
  if (!stored?.some((entry) => sameLink(entry.link, url))) cache.linkUnknown?.()
  const linked = entriesOfLink(stored, url)
  if (linked) {
    const cached = await cache.peaks(linked.key)
    if (signal.aborted) return undefined
    const readAll = async () => {
      const pieces = await readSlices(url, linked.size, keySpans(linked.size), signal)
      return pieces && keysOf(linked.size, pieces)
    }
    if (cached) return { keys: linked, cached, confirm: confirmation(readAll, linked.key) }
  }
  // Every read after the first is called off on a miss.
  const reads = new AbortController()
  const stop = AbortSignal.any([signal, reads.signal])
  // The last slice is asked for at once too, in case the server answers a suffix range.
  const suffix = readLastBytes(url, KEY_SLICE_BYTES, stop)
  const first = await readSizedRange(url, 0, KEY_SLICE_BYTES, signal)
  // A file this small is read whole before its waveform is drawn anyway.
  if (!first || first.size <= KEY_SLICES * KEY_SLICE_BYTES) return miss(reads)
  const { size } = first
  const candidates = entriesOfSize(await entries, size)
  if (candidates.length === 0 || signal.aborted) return miss(reads)
  const peaks = new Map(candidates.map((entry) => [entry.key, cache.peaks(entry.key)]))
  const spans = keySpans(size)
  const last = spans.at(-1)!
  const answer = await suffix
  const lastBytes =
    answer?.size === size ? answer.bytes : await readRange(url, last.start, last.end, size, stop)
  if (!lastBytes) return miss(reads)
  const readKeys = async () => {
    const inner = await readSlices(url, size, spans.slice(1, -1), stop)
    return (
      inner &&
      keysOf(size, [{ at: 0, bytes: first.bytes }, { at: last.start, bytes: lastBytes }, ...inner])
    )
  }
  const probe = await probeKey(size, (span) => (span.start === 0 ? first.bytes : lastBytes))
  const probed = candidates.filter((entry) => entry.probe === probe)
  const unprobed = candidates.some((entry) => entry.probe === undefined)
  if (probed.length === 1 && !unprobed) {
    const { key } = probed[0]!
    const cached = await peaks.get(key)
    if (!cached || signal.aborted) return miss(reads)
    return { keys: { key, probe, size }, cached, confirm: confirmation(readKeys, key) }
  }
  if (probed.length === 0 && !unprobed) return miss(reads)
  const known = await readKeys()
  const cached = known && (await peaks.get(known.key))
  return known && cached && !signal.aborted
    ? { keys: known, cached, confirm: () => Promise.resolve(true) }
    : undefined
}

/** The one entry last downloaded from `url` that can be confirmed (its probe and size known). */
function entriesOfLink(
  entries: readonly CacheEntry[] | undefined,
  url: string,
): RecordingKeys | undefined {
  const [entry, ...more] = (entries ?? []).filter((e) => sameLink(e.link, url))
  if (!entry || more.length > 0 || entry.probe === undefined || entry.size === undefined)
    return undefined
  return { key: entry.key, probe: entry.probe, size: entry.size }
}

/** Whether the keys `read` finds have `key`: read once, when first asked. */
function confirmation(
  read: () => Promise<RecordingKeys | undefined>,
  key: string,
): () => Promise<boolean> {
  let confirming: Promise<boolean> | undefined
  return () => (confirming ??= read().then((found) => found?.key === key))
}

function miss(reads: AbortController): undefined {
  reads.abort()
  return undefined
}
