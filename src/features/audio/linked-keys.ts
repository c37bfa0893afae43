import { keySpans } from '../../domain/audio/content-key'
import type { RecordingKeys } from './content-key'
import { KeySlices } from './content-key'

/** A ranged read that takes longer is given up: the recording then opens from its download. */
const RANGE_TIMEOUT_MS = 15_000

/**
 * Bytes `start` up to `end` of a linked file by an HTTP range request; undefined unless the
 * server answered with exactly those bytes of a file of `size`, within `timeoutMs`.
 */
export async function readRange(
  url: string,
  start: number,
  end: number,
  size: number,
  signal: AbortSignal,
  timeoutMs = RANGE_TIMEOUT_MS,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const response = await fetch(url, {
      headers: { Range: `bytes=${start}-${end - 1}` },
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    })
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
    const exact =
      response.status === 206 &&
      Number(range?.[1]) === start &&
      Number(range?.[2]) === end - 1 &&
      Number(range?.[3]) === size
    if (!exact) {
      void response.body?.cancel()
      return undefined
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    return bytes.length === end - start ? bytes : undefined
  } catch {
    return undefined
  }
}

/**
 * A linked file's cache keys without its download: the key's slices (1 MB, however long the
 * file) by range requests, save those already in hand (`known`, bytes from `at` on). Undefined
 * when any slice cannot be read so.
 */
export async function rangedKeys(
  url: string,
  size: number,
  known: { at: number; bytes: Uint8Array }[],
  signal: AbortSignal,
): Promise<RecordingKeys | undefined> {
  const slices = new KeySlices(size)
  const inHand = (start: number, end: number) =>
    known.some((k) => k.at <= start && end <= k.at + k.bytes.byteLength)
  const wanted = keySpans(size).filter((span) => !inHand(span.start, span.end))
  const read = await Promise.all(
    wanted.map((span) => readRange(url, span.start, span.end, size, signal)),
  )
  if (read.some((bytes) => !bytes) || signal.aborted) return undefined
  for (const { at, bytes } of known) slices.take(bytes, at)
  read.forEach((bytes, i) => slices.take(bytes!, wanted[i]!.start))
  return slices.keys()
}
