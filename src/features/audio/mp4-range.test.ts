import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mp4Samples } from './mp4-range'
import { RecordingReader } from './recording-file'
import { inParts } from './recording-file.fixture'

const blob = (name: string) =>
  new Blob([readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url))])
const whole = (name: string) => new RecordingReader({ blob: blob(name) })

// ffmpeg's AAC of a 1.5 s tone: `ffprobe -show_packets` lists 72 packets, the first 145 bytes at
// byte 44 (moov last) or 1095 (moov first, `-movflags +faststart`), playing from −1024/48000 s
// (the edit list starts the track after AAC's 1,024 priming samples); the last 8 bytes at 12282.
describe.each([
  ['onset-at-0.5s.m4a', 44],
  ['onset-at-0.5s-faststart.m4a', 1095],
])('%s', (name, firstOffset) => {
  it.each([
    ['read whole', whole],
    ['downloaded in parts', (n: string) => new RecordingReader(inParts(blob(n), 1000))],
  ])('has the sample table ffprobe reads, with the edit list applied (%s)', async (_, open) => {
    const samples = (await mp4Samples(open(name)))!
    expect(samples.sizes.length).toBe(72)
    expect(samples.offsets[0]).toBe(firstOffset)
    expect(samples.sizes[0]).toBe(145)
    expect(samples.sizes[71]).toBe(8)
    expect(samples.offsets[71]! - samples.offsets[0]!).toBe(12282 - 44)
    expect(samples.times[0]).toBeCloseTo(-1024 / 48000, 9)
    expect(samples.times[71]).toBeCloseTo(1.493333, 6)
    // Samples follow one another in the file: each starts where the one before ends.
    for (let i = 1; i < 72; i++)
      expect(samples.offsets[i]).toBe(samples.offsets[i - 1]! + samples.sizes[i - 1]!)
  })
})

it('reads no table from a file that is not MP4', async () => {
  expect(await mp4Samples(whole('stereo-48k.mp3'))).toBeUndefined()
})

it('reads no table from a moov box cut short', async () => {
  const bytes = readFileSync(new URL('./__fixtures__/onset-at-0.5s-faststart.m4a', import.meta.url))
  // The moov box's header still says its full length, but the file ends 600 bytes into it.
  const cut = new Blob([bytes.subarray(0, bytes.indexOf('moov') + 600)])
  await expect(mp4Samples(new RecordingReader({ blob: cut }))).resolves.toBeUndefined()
})

// The same packets remuxed by ffmpeg (`-c copy -frag_duration 500000 -movflags
// +frag_keyframe+empty_moov+default_base_moof`): a `moov` without samples, then fragments. ffmpeg
// writes no edit list there, so the priming plays and every time is 1,024 samples later.
it.each([
  ['read whole', whole],
  ['downloaded in parts', (n: string) => new RecordingReader(inParts(blob(n), 1000))],
])('reads a fragmented file to the same samples as the unfragmented one (%s)', async (_, open) => {
  const plain = (await mp4Samples(whole('onset-at-0.5s.m4a')))!
  const fragmented = (await mp4Samples(open('onset-at-0.5s-fragmented.m4a')))!
  expect(fragmented.sizes).toEqual(plain.sizes)
  for (let i = 0; i < plain.times.length; i++)
    expect(fragmented.times[i]).toBeCloseTo(plain.times[i]! + 1024 / 48000, 9)
  const bytesOf = (name: string, { offsets, sizes }: typeof plain) => {
    const file = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url))
    return Array.from(offsets, (at, i) =>
      Buffer.from(file.subarray(at, at + sizes[i]!)).toString('hex'),
    )
  }
  expect(bytesOf('onset-at-0.5s-fragmented.m4a', fragmented)).toEqual(
    bytesOf('onset-at-0.5s.m4a', plain),
  )
})
