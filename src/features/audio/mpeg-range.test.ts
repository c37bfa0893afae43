import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { frameCount } from '../../domain/audio/mpeg-frames'
import { mpegOutline } from '../../domain/audio/mpeg-outline'
import { decodeMpegRange, mpegFacts, mpegFrames, scannedMpeg } from './mpeg-range'
import { RecordingReader } from './recording-file'
import { inParts } from './recording-file.fixture'

const file = (id: number, name: string) => ({
  id,
  blob: new Blob([readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url))]),
})

const job = (f: ReturnType<typeof file>, fromS: number, toS: number, last: boolean) => ({
  kind: 'media' as const,
  id: 0,
  file: f,
  fromS,
  toS,
  last,
})

describe.each([
  ['stereo-48k.mp3', 2],
  ['mono-24k-8kbps.mp3', 1],
])('%s decoded by ranges', (name, channels) => {
  it('gives the peaks of the whole file decoded at once, bin for bin', async () => {
    const f = file(1, name)
    const reader = new RecordingReader(f)
    const frames = (await mpegFrames(reader))!
    const facts = mpegFacts(frames)
    expect(facts.channels).toBe(channels)
    expect(facts.duration).toBeCloseTo(
      (frameCount(frames) * frames.samplesPerFrame - frames.leadingSamples) / frames.sampleRate,
    )
    const whole = await decodeMpegRange(job(f, 0, 0, true), frames, reader)
    const cuts = [0, 1, 3, 4, 7]
    // Out of order, as the workers take them: the one decoder is primed anew by each range. Read
    // from a download's parts, which the ranges' bytes straddle.
    const download = new RecordingReader(inParts(f.blob, 7777))
    const parts: Awaited<ReturnType<typeof decodeMpegRange>>[] = []
    for (const i of [3, 0, 4, 2, 1])
      parts[i] = await decodeMpegRange(
        job(f, cuts[i]!, cuts[i + 1] ?? 0, i === cuts.length - 1),
        frames,
        download,
      )
    for (let c = 0; c < channels; c++) {
      const joined = parts.flatMap((p) => [...p.peaks[c]!])
      expect(joined.length).toBe(whole.peaks[c]!.length)
      const worst = Math.max(...joined.map((v, i) => Math.abs(v - whole.peaks[c]![i]!)))
      expect(worst).toBeLessThan(1e-6)
    }
    expect(parts.map((p) => p.startSample)).toEqual(cuts.map((s) => s * frames.sampleRate))
    expect(Math.max(...whole.peaks.flatMap((p) => [...p]))).toBeGreaterThan(0.05)
  })
})

it('places the audio where players do: the LAME tag’s leading samples are cut', async () => {
  // A tone from 0.5 s exactly, after silence, encoded by ffmpeg's libmp3lame.
  const f = file(2, 'onset-at-0.5s.mp3')
  const reader = new RecordingReader(f)
  const frames = (await mpegFrames(reader))!
  expect(mpegFacts(frames).duration).toBeCloseTo(1.5, 1)
  const [left] = (await decodeMpegRange(job(f, 0, 0, true), frames, reader)).peaks
  expect(left!.findIndex((peak) => peak > 0.25)).toBe(50)
})

it('decodes a download’s ranges from the pieces its first frame says they need, as the whole file', async () => {
  const { blob } = file(3, 'stereo-48k.mp3')
  const bytes = new Uint8Array(await blob.arrayBuffer())
  const outline = mpegOutline(bytes.subarray(0, 4096), blob.size)!
  const reader = new RecordingReader({ blob })
  const frames = (await mpegFrames(reader))!
  expect(outline.duration).toBe(mpegFacts(frames).duration)
  expect(outline.channels).toBe(2)
  const cuts = [0, 2, 5, 8]
  for (const [i, fromS] of cuts.entries()) {
    const last = i === cuts.length - 1
    const toS = last ? Infinity : cuts[i + 1]!
    // The parts the download has folded so far, up to a little past the range's frames.
    const end = last ? blob.size : outline.bytesUpTo(toS)
    const { parts } = inParts(blob.slice(0, end), 5000)
    const pieces = parts.map((part, k) => ({ blob: part, at: k * 5000 }))
    const pieced = { id: 4, mpeg: true as const, size: blob.size, pieces }
    const scanned = (await scannedMpeg(pieced))!
    if (last) expect(scanned.whole).toBe(true)
    const streamed = await decodeMpegRange(
      job({ id: 4, blob }, fromS, toS, last),
      scanned.frames,
      scanned.reader,
      scanned.whole,
    )
    const whole = await decodeMpegRange(job({ id: 5, blob }, fromS, toS, last), frames, reader)
    expect(streamed.peaks[0]!.length).toBe(whole.peaks[0]!.length)
    for (let c = 0; c < 2; c++) expect([...streamed.peaks[c]!]).toEqual([...whole.peaks[c]!])
  }
})

it('says a range’s frames are not in hand when a download’s pieces stop short of them, not when the file does', async () => {
  const { blob } = file(6, 'stereo-48k.mp3')
  const pieced = {
    id: 6,
    mpeg: true as const,
    size: blob.size,
    pieces: [{ blob: blob.slice(0, 20_000), at: 0 }],
  }
  const scanned = (await scannedMpeg(pieced))!
  await expect(
    decodeMpegRange(job({ id: 6, blob }, 2, 5, false), scanned.frames, scanned.reader, false),
  ).rejects.toThrow('not in hand')
  // A whole file whose frames end before its Info frame's count said: the range decodes what is.
  await expect(
    decodeMpegRange(job({ id: 6, blob }, 6, 7, false), scanned.frames, scanned.reader),
  ).resolves.toBeDefined()
})
