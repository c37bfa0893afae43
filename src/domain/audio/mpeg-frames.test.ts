import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { MpegFrames } from './mpeg-frames'
import {
  frameCount,
  id3v2Length,
  looksLikeMpeg,
  MpegFrameScanner,
  prerollFrame,
  readMpegHeader,
} from './mpeg-frames'

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../features/audio/__fixtures__/${name}`, import.meta.url)),
  )
// Encoded by ffmpeg's libmp3lame from the demo call; ffprobe counts 335 and 336 audio frames.
const STEREO = fixture('stereo-48k.mp3')
const MONO = fixture('mono-24k-8kbps.mp3')

/** Scans `bytes` in slices of at most `sliceBytes`, as a worker reads a Blob. */
function scan(bytes: Uint8Array, sliceBytes = bytes.length): MpegFrames | undefined {
  const scanner = new MpegFrameScanner()
  while (scanner.next < bytes.length) {
    const from = scanner.next
    scanner.scan(bytes.subarray(from, from + sliceBytes), from + sliceBytes >= bytes.length)
    if (scanner.next <= from) break
  }
  return scanner.frames()
}

describe('readMpegHeader', () => {
  it('reads an MPEG-1 layer III header: 64 kb/s at 48 kHz is 192 bytes a frame', () => {
    const header = readMpegHeader(new Uint8Array([0xff, 0xfb, 0x54, 0x44]), 0)
    expect(header).toMatchObject({ bytes: 192, samples: 1152, sampleRate: 48000, channels: 2 })
  })

  it('reads an MPEG-2 layer III header: 576 samples a frame, padding counted', () => {
    const header = readMpegHeader(new Uint8Array([0xff, 0xf3, 0x16, 0xc4]), 0)
    expect(header).toMatchObject({ bytes: 25, samples: 576, sampleRate: 24000, channels: 1 })
  })

  it('refuses free-format, reserved and broken headers', () => {
    for (const bytes of [
      [0xff, 0xfb, 0x04, 0x44], // free format
      [0xff, 0xfb, 0xf4, 0x44], // bitrate index 15
      [0xff, 0xfb, 0x5c, 0x44], // sample rate index 3
      [0xff, 0xeb, 0x54, 0x44], // version 1 is reserved
      [0xfe, 0xfb, 0x54, 0x44],
    ])
      expect(readMpegHeader(new Uint8Array(bytes), 0)).toBeUndefined()
  })
})

describe('MpegFrameScanner', () => {
  it('finds every audio frame after the ID3 tag and skips the Info frame', () => {
    const stereo = scan(STEREO)!
    expect(frameCount(stereo)).toBe(335)
    expect(stereo).toMatchObject({ samplesPerFrame: 1152, sampleRate: 48000, channels: 2 })
    // The Info frame's LAME tag: ffmpeg's encoder delay of 576, plus the decoder's 529 (ffprobe's
    // start_time is 1105 samples: 0.023021 s at 48 kHz, 0.046042 s at 24 kHz).
    expect(stereo.leadingSamples).toBe(1105)
    expect(stereo.offsets.at(-1)).toBe(STEREO.length)
    const mono = scan(MONO)!
    expect(frameCount(mono)).toBe(336)
    expect(mono).toMatchObject({ samplesPerFrame: 576, sampleRate: 24000, channels: 1 })
    expect(mono.leadingSamples).toBe(1105)
  })

  it('finds the same frames whatever the slices it is given', () => {
    const whole = scan(STEREO)!
    for (const size of [500, 1000, 4096]) expect(scan(STEREO, size)).toEqual(whole)
  })

  it('skips an ID3 tag longer than a slice (cover art)', () => {
    const whole = scan(STEREO)!
    const art = 10_000
    // A second ID3v2 tag, its size in syncsafe bytes, put in front of the file.
    const tag = new Uint8Array(10 + art)
    tag.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, art >> 7, art & 0x7f])
    const tagged = new Uint8Array([...tag, ...STEREO])
    const found = scan(tagged, 4096)!
    expect(frameCount(found)).toBe(frameCount(whole))
    expect(found.offsets[0]).toBe(whole.offsets[0]! + tag.length)
    expect(found.leadingSamples).toBe(1105)
  })

  it('skips junk between frames and finds the frames after it', () => {
    const whole = scan(STEREO)!
    const cut = whole.offsets[100]!
    const junk = new Uint8Array(777).map((_, i) => (i % 3 === 0 ? 0xff : i & 0xff))
    const spliced = new Uint8Array([...STEREO.subarray(0, cut), ...junk, ...STEREO.subarray(cut)])
    const found = scan(spliced, 1000)!
    expect(frameCount(found)).toBe(frameCount(whole))
    expect(found.offsets[99]).toBe(whole.offsets[99])
    expect(found.offsets[100]).toBe(cut + junk.length)
    expect(found.offsets[200]).toBe(whole.offsets[200]! + junk.length)
  })

  it('cuts nothing when the file has no Info frame', () => {
    const whole = scan(STEREO)!
    const info = id3v2Length(STEREO)
    const withoutInfo = new Uint8Array([
      ...STEREO.subarray(0, info),
      ...STEREO.subarray(whole.offsets[0]),
    ])
    const found = scan(withoutInfo)!
    expect(frameCount(found)).toBe(frameCount(whole))
    expect(found.leadingSamples).toBe(0)
  })

  it('finds nothing in a file that is not MPEG audio', () => {
    const noise = new Uint8Array(20_000).map((_, i) => (i * 7919) % 251)
    expect(scan(noise, 4096)).toBeUndefined()
  })
})

describe('prerollFrame', () => {
  it('backs up at least two frames and past the 511-byte bit reservoir', () => {
    const stereo = scan(STEREO)!
    expect(prerollFrame(stereo, 100)).toBe(94) // 192-byte frames: 6 of them reach 1,024 bytes
    expect(prerollFrame(stereo, 1)).toBe(0)
    const mono = scan(MONO)!
    const first = prerollFrame(mono, 200)
    expect(mono.offsets[200]! - mono.offsets[first]!).toBeGreaterThanOrEqual(1024)
    expect(200 - first).toBeGreaterThan(30)
  })
})

describe('looksLikeMpeg', () => {
  it('takes a file that starts with an ID3 tag or a frame header for MPEG audio', () => {
    expect(looksLikeMpeg(STEREO.subarray(0, 10))).toBe(true)
    const firstFrame = scan(STEREO)!.offsets[0]!
    expect(looksLikeMpeg(STEREO.subarray(firstFrame, firstFrame + 10))).toBe(true)
  })

  it('does not take the other containers for it', () => {
    const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)))
    expect(looksLikeMpeg(ascii('OggS\0\x02\0\0\0\0'))).toBe(false)
    expect(looksLikeMpeg(ascii('RIFF\0\0\0\0WAVE'))).toBe(false)
    expect(looksLikeMpeg(ascii('\0\0\0\x20ftypM4A '))).toBe(false)
    expect(looksLikeMpeg(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0]))).toBe(false)
    // An ADTS (AAC) header has the same sync but layer bits 00.
    expect(looksLikeMpeg(new Uint8Array([0xff, 0xf1, 0x50, 0x80, 0, 0x1f, 0xfc]))).toBe(false)
  })
})
