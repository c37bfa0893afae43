import { KEY_SLICE_BYTES, KEY_SLICES } from '../../domain/audio/content-key'
import { probeKey } from './content-key'
import { warmDecodeWorkers } from './decode-pool'
import type { GrowingFile } from './growing-file'
import { cachedProbes, mayHold } from './peaks-cache'

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

/**
 * A download whose opening can be decoded while the rest arrives: undefined, and the recording
 * opens from the whole file as a dropped one does, when it is small, the server gives no ranged
 * read of its tail, or the cache may hold it (a reopen starts no decode worker, and its cache key
 * needs the whole file).
 */
export async function streamedStart(
  file: GrowingFile,
  signal: AbortSignal,
): Promise<StreamedStart | undefined> {
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
  if (signal.aborted || mayHold(await probes, probe)) return undefined
  warmDecodeWorkers()
  return { size, start, tail, tailStart }
}

/** The last `TAIL_BYTES` by an HTTP range request; undefined unless the server answered exactly that. */
async function readTail(
  url: string,
  size: number,
  signal: AbortSignal,
): Promise<Uint8Array | undefined> {
  const start = size - TAIL_BYTES
  try {
    const response = await fetch(url, { headers: { Range: `bytes=${start}-` }, signal })
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
    const exact =
      response.status === 206 &&
      Number(range?.[1]) === start &&
      Number(range?.[2]) === size - 1 &&
      Number(range?.[3]) === size
    if (!exact) {
      void response.body?.cancel()
      return undefined
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    return bytes.length === TAIL_BYTES ? bytes : undefined
  } catch {
    return undefined
  }
}
