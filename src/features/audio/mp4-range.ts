import type { Mp4Samples } from '../../domain/audio/mp4-samples'
import { mp4AudioSamples } from '../../domain/audio/mp4-samples'
import type { RangeReader } from './recording-file'

/** Reads of the file while looking for `moov`, and of a range's samples, are this long at most. */
const WINDOW_BYTES = 1 << 20

/** The sound track's sample table, or undefined when the file's boxes are not read here. */
export async function mp4Samples(file: RangeReader): Promise<Mp4Samples | undefined> {
  // Top-level boxes: `moov` sits before or after `mdat` (ffmpeg writes it last).
  for (let at = 0; at + 8 <= file.size;) {
    const head = new DataView((await file.read(at, at + 16)).buffer)
    let size = head.getUint32(0)
    const type = String.fromCharCode(...new Uint8Array(head.buffer, 4, 4))
    if (size === 1 && head.byteLength >= 16) size = Number(head.getBigUint64(8))
    else if (size === 0) size = file.size - at
    if (size < 8) return undefined
    if (type === 'moov') return mp4AudioSamples(await file.read(at, at + size))
    at += size
  }
  return undefined
}

/**
 * The samples from the last one at or before `fromS` up to the first at or after `toS` (all the
 * rest when `toS` is Infinity), as chunks for an `AudioDecoder`.
 */
export async function* mp4Chunks(
  file: RangeReader,
  samples: Mp4Samples,
  fromS: number,
  toS: number,
): AsyncGenerator<EncodedAudioChunk> {
  const { offsets, sizes, times } = samples
  const first = lastAtOrBefore(times, fromS)
  let window = new Uint8Array(0)
  let windowStart = 0
  for (let i = first; i < times.length && times[i]! < toS; i++) {
    const start = offsets[i]!
    const end = start + sizes[i]!
    if (start < windowStart || end > windowStart + window.length) {
      windowStart = start
      window = await file.read(start, Math.max(end, start + WINDOW_BYTES))
    }
    yield new EncodedAudioChunk({
      type: 'key',
      timestamp: Math.round(times[i]! * 1e6),
      duration: Math.round(((times[i + 1] ?? times[i]!) - times[i]!) * 1e6),
      data: window.subarray(start - windowStart, end - windowStart),
    })
  }
}

/** The index of the last time at or before `t` (0 when all are after it). */
export function lastAtOrBefore(times: Float64Array, t: number): number {
  let low = 0
  let high = times.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (times[mid]! <= t) low = mid
    else high = mid - 1
  }
  return low
}
