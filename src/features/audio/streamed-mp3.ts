import type { TimeRange } from '../../domain/audio/decode-ranges'
import { id3v2Length, looksLikeMpeg } from '../../domain/audio/mpeg-frames'
import { mpegOutline } from '../../domain/audio/mpeg-outline'
import type { Filling } from './decode-peaks'
import { decodeDownloading, newMediaFile } from './decode-media'
import type { GrowingFile } from './growing-file'
import type { RangesDecoded } from './run-ranges'
import type { StreamedStart } from './streamed-start'

/** The first frame, an Info frame with its seek table and LAME tag included, fits in this. */
const FIRST_FRAME_BYTES = 4096

/**
 * Decodes a linked MP3 (Egress writes MP3 too) as it downloads: its first frame says how long it
 * plays and about where each time lies in the file (the Info frame's frame count, and its seek
 * table for a variable bitrate), so each range is decoded once the bytes up to a little past its
 * end are in, instead of after the whole download. The workers find the frames as the pieces
 * come. Undefined for any other file, and for an MP3 whose first frame does not say (no Info
 * frame, or one with no frame count): those open once whole.
 */
export async function streamedMp3(
  file: GrowingFile,
  { size, start }: StreamedStart,
  signal: AbortSignal,
): Promise<((filling: Filling) => Promise<RangesDecoded>) | undefined> {
  let head = new Uint8Array(await start.arrayBuffer())
  if (!looksLikeMpeg(head)) return undefined
  // ID3 tags with a cover picture can run past the first bytes in hand.
  const firstFrameEnd = Math.min(size, id3v2Length(head) + FIRST_FRAME_BYTES)
  if (firstFrameEnd > head.length) {
    const first = await file.upTo(firstFrameEnd)
    if (!first || signal.aborted) return undefined
    head = new Uint8Array(await first.arrayBuffer())
  }
  const outline = mpegOutline(head, size)
  if (!outline) return undefined
  const probed = { ...newMediaFile({ size, pieces: [] }), mpeg: true as const }
  // The workers find the frames in the pieces from the start of the file.
  const spanOf = ({ toS }: TimeRange, last: boolean) => ({
    start: 0,
    end: last ? size : outline.bytesUpTo(toS),
  })
  return (filling) => decodeDownloading(file, probed, spanOf, signal, filling, outline)
}
