import type { TimeRange } from '../../domain/audio/decode-ranges'
import type { Mp4SoundFacts } from '../../domain/audio/mp4-facts'
import { mp4SoundFacts } from '../../domain/audio/mp4-facts'
import type { Mp4Samples } from '../../domain/audio/mp4-samples'
import type { BoxReader } from '../../domain/audio/mp4-samples'
import {
  findMoovBox,
  mp4AudioSamples,
  sampleSpan,
  soundCodec,
} from '../../domain/audio/mp4-samples'
import { PROBE_FRAMES } from './aac-runs'
import type { Filling } from './decode-peaks'
import { decodeDownloading, newMediaFile } from './decode-media'
import { PREROLL_S } from './decode-protocol'
import type { GrowingFile } from './growing-file'
import { piecesInHand } from './growing-file'
import type { PlacedBytes } from './linked-keys'
import { readRange } from './linked-keys'
import type { RangesDecoded } from './run-ranges'
import type { StreamedStart } from './streamed-start'
import { bytesToEnd } from './streamed-start'

/** An MP4 recording still downloading whose sample table is in hand. */
interface StreamedMp4 {
  size: number
  samples: Mp4Samples
  /** From the table too: the workers need not probe the file (undefined: they do). */
  facts: Mp4SoundFacts | undefined
  /** The bytes after the samples that were read to find the table (a `moov` written last). */
  after: PlacedBytes[]
}

interface FoundMoov {
  bytes: Uint8Array<ArrayBuffer>
  after: PlacedBytes[]
}

/**
 * Decodes a linked MP4/M4A with AAC sound (Egress's MP4, ffmpeg's M4A) as it downloads: its
 * sample table says where each time range's samples lie, so each range is decoded once its bytes
 * are in, from the opening seconds on, instead of after the whole download. The table is in the
 * `moov` box, read from the download when it comes before the samples ("faststart"), else by one
 * ranged read (ffmpeg and Egress write it last). Undefined for any other file, and for a fragmented MP4, whose
 * samples are described all through it: those open once whole.
 */
export async function streamedMp4(
  file: GrowingFile,
  begun: StreamedStart,
  signal: AbortSignal,
): Promise<((filling: Filling) => Promise<RangesDecoded>) | undefined> {
  const head = new Uint8Array(await begun.start.arrayBuffer())
  const moov = await findMoov(file, begun, head, signal)
  if (!moov || soundCodec(moov.bytes) !== 'mp4a') return undefined
  const samples = mp4AudioSamples(moov.bytes)
  if (!samples || samples.times.length <= PROBE_FRAMES) return undefined
  const found = { size: begun.size, samples, facts: mp4SoundFacts(moov.bytes), after: moov.after }
  return (filling) => decodeStreamedMp4(found, file, signal, filling)
}

/**
 * The `moov` box (see `findMoovBox`), and the bytes after the samples read on the way (from the
 * tail in hand, or by range), which hold a `moov` written last.
 */
async function findMoov(
  file: GrowingFile,
  begun: StreamedStart,
  head: Uint8Array<ArrayBuffer>,
  signal: AbortSignal,
): Promise<FoundMoov | undefined> {
  const { size } = begun
  const after: PlacedBytes[] = []
  const inHand = (start: number, end: number) => {
    const piece = [{ at: 0, bytes: head }, ...after].find(
      (k) => k.at <= start && k.at + k.bytes.length >= end,
    )
    return piece?.bytes.subarray(start - piece.at, end - piece.at)
  }
  // Before the samples, what is read comes with the download's first bytes; after, by range.
  const read: BoxReader = async (start, end, pastSamples) => {
    const held = inHand(start, end)
    if (held) return held
    if (!pastSamples) {
      const first = await file.upTo(end)
      return first && first.size >= end
        ? new Uint8Array(await first.slice(start, end).arrayBuffer())
        : undefined
    }
    // The boxes after the samples are mostly the `moov` alone: read to the end with the header.
    const bytes =
      (await bytesToEnd(file.url, begun, start, signal)) ??
      (await readRange(file.url, start, end, size, signal))
    if (bytes) after.push({ at: start, bytes })
    return bytes?.subarray(0, end - start)
  }
  const bytes = await findMoovBox(size, read)
  return bytes && { bytes: bytes.slice(), after }
}

/**
 * Every range's job gives the workers the pieces of the download they read: the first bytes up
 * to the first samples' (the demuxer's and the AAC probe's), the bytes after the samples read to
 * find the table, and the parts in hand once the range's samples are among them.
 */
async function decodeStreamedMp4(
  { size, samples, facts, after }: StreamedMp4,
  download: GrowingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const firstEnd = sampleSpan(samples, -Infinity, samples.times[PROBE_FRAMES]!).end
  const first = await piecesInHand(download, 0, firstEnd)
  const read = after.map(({ at, bytes }) => ({ blob: new Blob([bytes.slice()]), at }))
  const probed = newMediaFile({ size, pieces: [...first, ...read] })
  const spanOf = ({ fromS, toS }: TimeRange, last: boolean) =>
    sampleSpan(samples, Math.max(0, fromS - PREROLL_S), last ? Infinity : toS)
  return decodeDownloading(download, probed, spanOf, signal, filling, facts)
}
