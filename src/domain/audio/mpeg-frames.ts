/**
 * MPEG audio (MP3, MP2) as a list of frames: each decodes from its own bytes plus a few before
 * it, so a range of the recording is a run of frames, like an Ogg range is a run of pages.
 */

export interface MpegHeader {
  /** The frame's length in bytes, header included. */
  bytes: number
  samples: number
  sampleRate: number
  channels: number
  mpeg1: boolean
  /** Version, layer and sample rate: the same in every frame of one stream. */
  signature: number
}

export interface MpegFrames {
  /** Byte offset of every audio frame, and one past the last frame's end. */
  offsets: Float64Array
  samplesPerFrame: number
  sampleRate: number
  channels: number
  /**
   * Decoded samples before the recording's first: the encoder's delay and the decoder's, which
   * a LAME tag announces and players (Chromium's included) cut. Frame k's first sample is at
   * k × samplesPerFrame − leadingSamples.
   */
  leadingSamples: number
}

export function frameCount(frames: MpegFrames): number {
  return frames.offsets.length - 1
}

// Kilobits per second by bitrate index 1–14, for MPEG-1 layers I–III and MPEG-2/2.5 layers I, II/III.
const BITRATES = {
  v1l1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
// By the header's version bits: 0 = MPEG-2.5, 2 = MPEG-2, 3 = MPEG-1 (1 is reserved).
const SAMPLE_RATES: Record<number, readonly number[]> = {
  0: [11025, 12000, 8000],
  2: [22050, 24000, 16000],
  3: [44100, 48000, 32000],
}

/** The frame header at `at`, or undefined when those bytes are not one (or a free-format one). */
export function readMpegHeader(bytes: Uint8Array, at: number): MpegHeader | undefined {
  if (at + 4 > bytes.length || bytes[at] !== 0xff) return undefined
  const b1 = bytes[at + 1]!
  const b2 = bytes[at + 2]!
  const b3 = bytes[at + 3]!
  if ((b1 & 0xe0) !== 0xe0) return undefined
  const version = (b1 >> 3) & 3
  const layer = 4 - ((b1 >> 1) & 3) // 1, 2 or 3; 4 is reserved
  const bitrateIndex = b2 >> 4
  const rateIndex = (b2 >> 2) & 3
  const rates = SAMPLE_RATES[version]
  if (!rates || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return undefined
  const mpeg1 = version === 3
  const table =
    layer === 1
      ? mpeg1
        ? BITRATES.v1l1
        : BITRATES.v2l1
      : mpeg1
        ? layer === 2
          ? BITRATES.v1l2
          : BITRATES.v1l3
        : BITRATES.v2l23
  const bitrate = table[bitrateIndex - 1]! * 1000
  const sampleRate = rates[rateIndex]!
  const padding = (b2 >> 1) & 1
  const samples = layer === 1 ? 384 : layer === 3 && !mpeg1 ? 576 : 1152
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding
  return {
    bytes: length,
    samples,
    sampleRate,
    channels: b3 >> 6 === 3 ? 1 : 2,
    mpeg1,
    signature: ((b1 & 0x1e) << 8) | (b2 & 0x0c),
  }
}

/** Bytes of the ID3v2 tags at the start of the file (0 when there is none). */
export function id3v2Length(bytes: Uint8Array): number {
  let at = 0
  while (
    at + 10 <= bytes.length &&
    bytes[at] === 0x49 &&
    bytes[at + 1] === 0x44 &&
    bytes[at + 2] === 0x33
  ) {
    const size =
      (bytes[at + 6]! << 21) | (bytes[at + 7]! << 14) | (bytes[at + 8]! << 7) | bytes[at + 9]!
    const footer = bytes[at + 5]! & 0x10 ? 10 : 0
    at += 10 + size + footer
  }
  return at
}

/** A Xing, Info or VBRI frame: the encoder's notes (frame count, seek table), no audio. */
export function isInfoFrame(bytes: Uint8Array, at: number, header: MpegHeader): boolean {
  const xing = ascii(bytes, xingAt(at, header), 4)
  return xing === 'Xing' || xing === 'Info' || ascii(bytes, at + 36, 4) === 'VBRI'
}

/** The decoder's own delay in samples, which players add to the encoder's (as ffmpeg does). */
const DECODER_DELAY = 529

/**
 * The samples to cut from the decoder's output, from the LAME tag after an Info frame's Xing
 * fields: its 12-bit encoder delay (written by LAME and by ffmpeg) plus the decoder's delay.
 * 0 when there is no such tag, as for players.
 */
export function leadingSamples(bytes: Uint8Array, at: number, header: MpegHeader): number {
  const xing = xingAt(at, header)
  const flags = bytes[xing + 7] ?? 0
  // Frame count, byte count, seek table and quality, each there when its flag is set.
  const fields = [4, 4, 100, 4].reduce((sum, size, bit) => sum + (flags & (1 << bit) ? size : 0), 0)
  const lame = xing + 8 + fields
  if (lame + 24 > Math.min(at + header.bytes, bytes.length)) return 0
  if (!['LAME', 'Lavf', 'Lavc'].includes(ascii(bytes, lame, 4))) return 0
  const delay = (bytes[lame + 21]! << 4) | (bytes[lame + 22]! >> 4)
  return delay + DECODER_DELAY
}

export function xingAt(at: number, header: MpegHeader): number {
  const stereo = header.channels === 2
  return at + 4 + (header.mpeg1 ? (stereo ? 32 : 17) : stereo ? 17 : 9)
}

export function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length))
}

/** Frames before a range's first that its decoder needs: the MDCT overlap and the bit reservoir (up to 511 bytes back). */
export function prerollFrame(frames: MpegFrames, wanted: number): number {
  const { offsets } = frames
  let first = wanted
  while (first > 0 && (wanted - first < 2 || offsets[wanted]! - offsets[first]! < 1024)) first--
  return first
}

/** Headers that must follow a header found away from the last frame's end before it counts. */
const SYNC_CONFIRMATIONS = 2
/** A header and an Info tag fit in this many bytes. */
const HEADER_SPAN = 64

type Confirmation = 'yes' | 'no' | 'next slice'

/**
 * Finds the frames of a file read in order, slice by slice. Each slice starts where `next` says,
 * so a header is never cut between two slices. Junk between frames is skipped by finding the
 * next header of the same stream that the following ones confirm.
 */
export class MpegFrameScanner {
  /** Where the next slice should start. */
  next = 0
  private format: MpegHeader | undefined
  private leading = 0
  private readonly offsets: number[] = []
  private lastEnd = -1

  /** `bytes` is the file from `next`; `atEnd` when they run to the file's end. */
  scan(bytes: Uint8Array, atEnd: boolean) {
    const base = this.next
    // ID3 tags come before the first frame, and may run over several slices.
    let at = this.format ? 0 : id3v2Length(bytes)
    const limit = atEnd ? bytes.length : bytes.length - HEADER_SPAN
    while (at < limit) {
      const header = readMpegHeader(bytes, at)
      const found =
        header && this.fits(header) ? this.confirm(bytes, base, at, header, atEnd) : 'no'
      if (found === 'next slice') break
      if (found === 'no' || !header) {
        at++
        continue
      }
      if (!this.format) {
        // The first frame may be an Info frame, read whole.
        if (at + header.bytes > bytes.length && !atEnd) break
        this.format = header
        if (isInfoFrame(bytes, at, header)) {
          this.leading = leadingSamples(bytes, at, header)
          at += header.bytes
          continue
        }
      }
      this.offsets.push(base + at)
      this.lastEnd = base + at + header.bytes
      at += header.bytes
    }
    this.next = base + at
  }

  /** The stream's frames, or undefined when the file holds none. */
  frames(): MpegFrames | undefined {
    if (!this.format || this.offsets.length === 0) return undefined
    return {
      offsets: Float64Array.from([...this.offsets, this.lastEnd]),
      samplesPerFrame: this.format.samples,
      sampleRate: this.format.sampleRate,
      channels: this.format.channels,
      leadingSamples: this.leading,
    }
  }

  private fits(header: MpegHeader): boolean {
    return !this.format || header.signature === this.format.signature
  }

  /** Right after a frame the next header needs no check; anywhere else the next ones must agree. */
  private confirm(
    bytes: Uint8Array,
    base: number,
    at: number,
    header: MpegHeader,
    atEnd: boolean,
  ): Confirmation {
    if (base + at === this.lastEnd) return 'yes'
    let from = at
    let ahead = header
    for (let i = 0; i < SYNC_CONFIRMATIONS; i++) {
      from += ahead.bytes
      if (from + 4 > bytes.length) return atEnd ? 'yes' : 'next slice'
      const following = readMpegHeader(bytes, from)
      if (!following || following.signature !== header.signature) return 'no'
      ahead = following
    }
    return 'yes'
  }
}

/**
 * Whether a file's first bytes look like MPEG audio: an ID3v2 tag, or a frame header at once.
 * Only a hint (some AAC streams carry ID3 too): the frames found decide.
 */
export function looksLikeMpeg(head: Uint8Array): boolean {
  const id3 = head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33
  return id3 || readMpegHeader(head, 0) !== undefined
}
