import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { MpegFrames } from './mpeg-frames'
import { frameCount, id3v2Length, MpegFrameScanner, readMpegHeader } from './mpeg-frames'
import { mpegOutline } from './mpeg-outline'

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../features/audio/__fixtures__/${name}`, import.meta.url)),
  )

function scanned(bytes: Uint8Array): MpegFrames {
  const scanner = new MpegFrameScanner()
  scanner.scan(bytes, true)
  return scanner.frames()!
}

/** Where frame k truly starts, for the time it plays at. */
const frameStart = (frames: MpegFrames, seconds: number) =>
  frames.offsets[
    Math.floor((seconds * frames.sampleRate + frames.leadingSamples) / frames.samplesPerFrame)
  ]!

/** The file with its first frame (ffmpeg's Info frame) cut out: a bare stream of frames. */
function withoutInfoFrame(bytes: Uint8Array): Uint8Array {
  const tags = id3v2Length(bytes)
  const info = readMpegHeader(bytes, tags)!
  return bytes.slice(tags + info.bytes)
}

describe.each([
  // Constant bitrates with an Info frame; a variable one (a tone, then noise) with a seek table.
  ['stereo-48k.mp3', fixture('stereo-48k.mp3'), 'frames'],
  ['vbr-44k.mp3', fixture('vbr-44k.mp3'), 'share'],
  ['mono-24k-8kbps.mp3', fixture('mono-24k-8kbps.mp3'), 'frames'],
] as const)('%s', (_, bytes, near) => {
  const outline = mpegOutline(bytes.subarray(0, 4096), bytes.length)!
  const frames = scanned(bytes)
  // A constant bitrate puts a time within a few frames of its own; a seek table within 5 %.
  const tolerance =
    near === 'frames' ? 3 * (frames.offsets[2]! - frames.offsets[1]!) : 0.05 * bytes.length

  it('plays as long as all its frames found one by one', () => {
    const { samplesPerFrame, leadingSamples, sampleRate } = frames
    expect(outline.duration).toBeCloseTo(
      (frameCount(frames) * samplesPerFrame - leadingSamples) / sampleRate,
      2,
    )
    expect(outline.channels).toBe(frames.channels)
  })

  it('places each time near its frame, and asks for bytes past the frames a range reads', () => {
    for (let t = 0; t < outline.duration; t += 0.1) {
      expect(Math.abs(outline.byteAt(t) - frameStart(frames, t))).toBeLessThan(tolerance)
      const end = Math.min(
        frames.offsets.length - 1,
        frames.offsets.indexOf(frameStart(frames, t)) + 3,
      )
      expect(outline.bytesUpTo(t)).toBeGreaterThanOrEqual(frames.offsets[end]!)
      expect(outline.bytesUpTo(t)).toBeLessThanOrEqual(bytes.length)
    }
  })
})

it('places a variable-bitrate file by its seek table, not by its share of the duration', () => {
  // The tone's 2 s take far fewer bytes than the noise's.
  const bytes = fixture('vbr-44k.mp3')
  const outline = mpegOutline(bytes.subarray(0, 4096), bytes.length)!
  const truth = frameStart(scanned(bytes), 2)
  const byShare = (2 / outline.duration) * bytes.length
  expect(Math.abs(byShare - truth)).toBeGreaterThan(0.1 * bytes.length)
  expect(Math.abs(outline.byteAt(2) - truth)).toBeLessThan(0.05 * bytes.length)
})

it('has no outline for bytes that are no MPEG audio, a first frame cut short, or no Info frame', () => {
  expect(mpegOutline(new Uint8Array(4096), 100_000)).toBeUndefined()
  const stream = withoutInfoFrame(fixture('stereo-48k.mp3'))
  expect(mpegOutline(stream.subarray(0, 4096), stream.length)).toBeUndefined()
  expect(mpegOutline(fixture('stereo-48k.mp3').subarray(0, 100), 100_000)).toBeUndefined()
})
