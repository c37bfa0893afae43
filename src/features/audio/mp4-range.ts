import type { Mp4Samples } from '../../domain/audio/mp4-samples'
import type { PlacedMoof } from '../../domain/audio/mp4-fragments'
import { fragmentedSamples } from '../../domain/audio/mp4-fragments'
import {
  isFragmented,
  lastAtOrBefore,
  mp4AudioSamples,
  sampleRuns,
  topLevelBox,
} from '../../domain/audio/mp4-samples'
import type { RangeReader } from './recording-file'

/** Reads of the file while looking for `moov`, and of a range's samples, are this long at most. */
const WINDOW_BYTES = 1 << 20

/**
 * The sound track's sample table, or undefined when the file's boxes are not read here. A
 * fragmented file's comes from its `moov` and every `moof` (see `fragmentedSamples`).
 */
export async function mp4Samples(file: RangeReader): Promise<Mp4Samples | undefined> {
  const read = windowed(file)
  let moov: Uint8Array | undefined
  const moofs: PlacedMoof[] = []
  // Top-level boxes: `moov` sits before or after `mdat` (ffmpeg writes it last).
  for (let at = 0; at + 8 <= file.size;) {
    const box = topLevelBox(await read(at, Math.min(at + 16, file.size)), at, file.size)
    if (!box) return undefined
    const { type, size } = box
    if (type === 'moov') {
      moov = (await read(at, at + size)).slice()
      if (!isFragmented(moov)) return mp4AudioSamples(moov)
    }
    if (type === 'moof') moofs.push({ at, bytes: (await read(at, at + size)).slice() })
    at += size
  }
  return moov && fragmentedSamples(moov, moofs)
}

/** Reads of `file` served from one window of up to `WINDOW_BYTES` while they fall inside it. */
function windowed(file: RangeReader) {
  let window = new Uint8Array(0)
  let windowStart = 0
  return async (start: number, end: number): Promise<Uint8Array> => {
    if (start < windowStart || end > windowStart + window.length) {
      windowStart = start
      window = await file.read(start, Math.min(file.size, Math.max(end, start + WINDOW_BYTES)))
      // A file cut short, or a download whose bytes there are not in hand (see `PiecedFile`).
      if (window.length < Math.min(end, file.size) - start)
        throw new Error(`bytes ${start}–${end} of the recording are not in hand`)
    }
    return window.subarray(start - windowStart, end - windowStart)
  }
}

/**
 * The samples from the last one at or before `fromS` up to the first at or after `toS` (all the
 * rest when `toS` is Infinity), as chunks for an `AudioDecoder` of up to `perChunk` samples each
 * (see `aac-runs`).
 */
export async function* mp4Chunks(
  file: RangeReader,
  samples: Mp4Samples,
  fromS: number,
  toS: number,
  perChunk = 1,
): AsyncGenerator<EncodedAudioChunk> {
  const { offsets, sizes, times } = samples
  const read = windowed(file)
  const first = lastAtOrBefore(times, fromS)
  for (const [from, to] of sampleRuns(samples, first, toS, perChunk)) {
    const start = offsets[from]!
    yield new EncodedAudioChunk({
      type: 'key',
      timestamp: Math.round(times[from]! * 1e6),
      duration: Math.round(((times[to] ?? times[to - 1]!) - times[from]!) * 1e6),
      data: await read(start, offsets[to - 1]! + sizes[to - 1]!),
    })
  }
}
