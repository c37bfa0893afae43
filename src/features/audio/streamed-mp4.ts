import type { Mp4Samples } from '../../domain/audio/mp4-samples'
import {
  mp4AudioSamples,
  sampleSpan,
  soundCodec,
  topLevelBox,
} from '../../domain/audio/mp4-samples'
import { PROBE_FRAMES } from './aac-runs'
import type { Filling } from './decode-peaks'
import { decodeMediaRanges, newMediaFile } from './decode-media'
import { PREROLL_S } from './decode-protocol'
import type { GrowingFile } from './growing-file'
import { piecesInHand } from './growing-file'
import { readRange } from './linked-keys'
import type { PlacedPart } from './recording-file'
import type { RangesDecoded } from './run-ranges'
import type { StreamedStart } from './streamed-start'

/** Boxes after the samples up to this size are read in one range with the first one's header. */
const TRAILING_READ_BYTES = 8 << 20
/** Top-level boxes looked at for the `moov`: ffmpeg and Egress write three or four. */
const MOST_BOXES = 16

/** An MP4 recording still downloading whose sample table is in hand. */
interface StreamedMp4 {
  size: number
  samples: Mp4Samples
  /** What was read by range while finding the table: a `moov` after the samples, and the boxes' headers. */
  read: PlacedPart[]
}

interface FoundMoov {
  bytes: Uint8Array<ArrayBuffer>
  read: PlacedPart[]
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
  if (String.fromCharCode(...head.subarray(4, 8)) !== 'ftyp') return undefined
  const moov = await findMoov(file, begun, head, signal)
  if (!moov || soundCodec(moov.bytes) !== 'mp4a') return undefined
  const samples = mp4AudioSamples(moov.bytes)
  if (!samples || samples.times.length <= PROBE_FRAMES) return undefined
  const found = { size: begun.size, samples, read: moov.read }
  return (filling) => decodeStreamedMp4(found, file, signal, filling)
}

/**
 * The `moov` box, walking the top-level boxes from the start, and what was read by range on the
 * way (which holds a `moov` after the samples).
 */
async function findMoov(
  file: GrowingFile,
  { size, tail, tailStart }: StreamedStart,
  head: Uint8Array<ArrayBuffer>,
  signal: AbortSignal,
): Promise<FoundMoov | undefined> {
  const known: { at: number; bytes: Uint8Array }[] = [
    { at: 0, bytes: head },
    { at: tailStart, bytes: tail },
  ]
  const read: PlacedPart[] = []
  const inHand = (start: number, end: number) => {
    const piece = known.find((k) => k.at <= start && k.at + k.bytes.length >= end)
    return piece?.bytes.subarray(start - piece.at, end - piece.at)
  }
  // Before the samples, what is read comes with the download's first bytes; after, by range.
  let pastSamples = false
  const readBytes = async (start: number, end: number) => {
    const held = inHand(start, end)
    if (held) return held
    if (!pastSamples) {
      const first = await file.upTo(end)
      return first && first.size >= end
        ? new Uint8Array(await first.slice(start, end).arrayBuffer())
        : undefined
    }
    const bytes = await readRange(file.url, start, end, size, signal)
    if (bytes) known.push({ at: start, bytes })
    if (bytes) read.push({ blob: new Blob([bytes]), at: start })
    return bytes
  }
  for (let at = 0, boxes = 0; at + 8 <= size && boxes < MOST_BOXES; boxes++) {
    const headerEnd = Math.min(size, at + 16)
    // The boxes after the samples are mostly the `moov` alone: read with its header.
    const whole = pastSamples && !inHand(at, headerEnd) && size - at <= TRAILING_READ_BYTES
    const header = await readBytes(at, whole ? size : headerEnd)
    const box = header && topLevelBox(header.subarray(0, 16), at, size)
    if (!box || box.type === 'moof') return undefined
    if (box.type === 'moov') {
      const bytes = (await readBytes(at, at + box.size))?.slice()
      // One after the samples goes to the workers: from the tail, it was not read by range.
      const end = at + box.size
      const inRead = read.some((piece) => piece.at <= at && piece.at + piece.blob.size >= end)
      if (bytes && pastSamples && !inRead) read.push({ blob: new Blob([bytes]), at })
      return bytes && { bytes, read }
    }
    if (box.type === 'mdat') pastSamples = true
    at += box.size
  }
  return undefined
}

/**
 * Every range's job gives the workers the pieces of the download they read: the first bytes up
 * to the first samples' (the demuxer's and the AAC probe's), what was read by range (a `moov`
 * after the samples), and the parts in hand once the range's samples are among them.
 */
async function decodeStreamedMp4(
  { size, samples, read }: StreamedMp4,
  download: GrowingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const firstEnd = sampleSpan(samples, -Infinity, samples.times[PROBE_FRAMES]!).end
  const known = [...(await piecesInHand(download, 0, firstEnd)), ...read]
  const probed = newMediaFile({ size, pieces: known })
  return decodeMediaRanges(
    probed,
    async ({ fromS, toS }, last) => {
      const span = sampleSpan(samples, Math.max(0, fromS - PREROLL_S), last ? Infinity : toS)
      const pieces = await piecesInHand(download, span.start, span.end)
      return { ...probed, pieces: [...known, ...pieces] }
    },
    signal,
    filling,
  )
}
