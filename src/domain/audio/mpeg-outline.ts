import type { MpegHeader } from './mpeg-frames'
import {
  ascii,
  id3v2Length,
  isInfoFrame,
  leadingSamples,
  readMpegHeader,
  xingAt,
} from './mpeg-frames'

/**
 * What an MP3's first frame says of the whole file before the rest is in: how long it plays, and
 * how far into the file a time's frames lie, from the Info frame's frame count, and its seek table
 * for a variable bitrate.
 */
export interface MpegOutline {
  duration: number
  channels: number
  /** About where in the file the frame that plays at `seconds` starts. */
  byteAt(seconds: number): number
  /** A byte past the end of every frame a decode up to `seconds` reads (with room to spare). */
  bytesUpTo(seconds: number): number
}

/** Room past a time's estimated byte: a share of the frames' bytes, and a few frames more. */
const MARGIN_SHARE = 0.01
const MARGIN_BYTES = 64 * 1024
/** Frames past a range's end asked for as well: its frame count is rounded, as the workers' is. */
const FRAMES_AFTER = 2

interface XingFields {
  /** A Xing tag (a variable bitrate), not an Info one. */
  variable: boolean
  frames?: number
  bytes?: number
  /** 100 bytes: the file's position (in 256ths of its bytes) at each percent of its duration. */
  toc?: Uint8Array
}

/**
 * The outline of an MP3 whose first bytes are `head` (its ID3v2 tags and first frame whole), in a
 * file of `size` bytes; undefined when those bytes do not say enough (no Info frame, or one with no
 * frame count; a header not right after the tags).
 */
export function mpegOutline(head: Uint8Array, size: number): MpegOutline | undefined {
  const at = id3v2Length(head)
  const header = readMpegHeader(head, at)
  if (!header || at + header.bytes > head.length) return undefined
  // Without an Info frame, the frame count and bitrate are known only once all of the file is
  // scanned (a VBR stream can open with many frames of its lowest bitrate).
  if (!isInfoFrame(head, at, header)) return undefined
  const xing = xingFields(head, at, header)
  const frames = xing?.frames
  if (!frames) return undefined
  const start = at + header.bytes
  // An Info tag marks a constant bitrate: a time's share of the bytes is its share of the
  // duration, more finely than the seek table's 256ths of the file say.
  const place = xing.toc && xing.variable ? tocPlace(xing.toc) : (share: number) => share
  const lead = leadingSamples(head, at, header)
  return outline(header, size, frames, lead, (frame) =>
    Math.ceil(start + place(frame / frames) * (size - start)),
  )
}

/** `frames` frames in a file of `size`, the first `lead` samples cut, frame k at `byteOfFrame(k)`. */
function outline(
  { sampleRate, channels, samples }: MpegHeader,
  size: number,
  frames: number,
  lead: number,
  byteOfFrame: (frame: number) => number,
): MpegOutline {
  const margin = Math.ceil(MARGIN_SHARE * size) + MARGIN_BYTES
  const frameAt = (seconds: number) => (seconds * sampleRate + lead) / samples
  return {
    duration: (frames * samples - lead) / sampleRate,
    channels,
    byteAt: (seconds) => byteOfFrame(Math.min(frames, Math.max(0, Math.floor(frameAt(seconds))))),
    bytesUpTo(seconds) {
      const frame = Math.min(frames, Math.ceil(frameAt(seconds)) + FRAMES_AFTER)
      return Math.min(size, byteOfFrame(frame) + margin)
    },
  }
}

/** The Xing/Info frame's fields that are there (by its flags); undefined for a VBRI frame. */
function xingFields(bytes: Uint8Array, at: number, header: MpegHeader): XingFields | undefined {
  const xing = xingAt(at, header)
  const tag = ascii(bytes, xing, 4)
  if (tag !== 'Xing' && tag !== 'Info') return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const flags = bytes[xing + 7]!
  const fields: XingFields = { variable: tag === 'Xing' }
  let field = xing + 8
  if (flags & 1) fields.frames = view.getUint32((field += 4) - 4)
  if (flags & 2) fields.bytes = view.getUint32((field += 4) - 4)
  if (flags & 4) fields.toc = bytes.slice(field, field + 100)
  return fields
}

/** Where a share of the duration lies, as a share of the bytes, by the seek table. */
function tocPlace(toc: Uint8Array): (share: number) => number {
  return (share) => {
    const percent = Math.min(99.999, Math.max(0, share * 100))
    const below = Math.floor(percent)
    const from = toc[below]!
    const to = below < 99 ? toc[below + 1]! : 256
    return (from + (to - from) * (percent - below)) / 256
  }
}
