import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { configuredChannels, mp4SoundFacts } from './mp4-facts'
import { findMoovBox } from './mp4-samples'

/** The `moov` box of a fixture (ffmpeg's AAC, 1.5 s: 0.5 s of silence, then a tone). */
async function moovOf(name: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(
    readFileSync(new URL(`../../features/audio/__fixtures__/${name}`, import.meta.url)),
  )
  const moov = await findMoovBox(bytes.length, (start, end) =>
    Promise.resolve(bytes.subarray(start, end)),
  )
  if (!moov) throw new Error(`no moov in ${name}`)
  return moov
}

it('takes an M4A’s duration and channels from its sample table, as its demuxer does', async () => {
  // mediabunny's `computeDuration` and `numberOfChannels` on the same files: 1.5 s, 2.
  expect(mp4SoundFacts(await moovOf('onset-at-0.5s.m4a'))).toEqual({ duration: 1.5, channels: 2 })
  expect(mp4SoundFacts(await moovOf('onset-at-0.5s-faststart.m4a'))).toEqual({
    duration: 1.5,
    channels: 2,
  })
})

it('leaves a fragmented MP4 to the probe: its samples are not in the table', async () => {
  expect(mp4SoundFacts(await moovOf('onset-at-0.5s-fragmented.m4a'))).toBeUndefined()
})

it('leaves a table whose durations run past their box to the probe', async () => {
  const moov = (await moovOf('onset-at-0.5s.m4a')).slice()
  const stts = String.fromCharCode(...moov).indexOf('stts')
  expect(stts).toBeGreaterThan(0)
  // One entry more than it holds, after the box's type and its version and flags: read on, the
  // next box's bytes would be taken for durations.
  const view = new DataView(moov.buffer)
  view.setUint32(stts + 8, view.getUint32(stts + 8) + 1)
  expect(mp4SoundFacts(moov)).toBeUndefined()
})

it('reads the channels an AudioSpecificConfig names', () => {
  // AAC-LC, 44.1 kHz, stereo: 00010 0100 0010 000.
  expect(configuredChannels(Uint8Array.of(0x12, 0x10))).toBe(2)
  // AAC-LC, 16 kHz, mono: 00010 1000 0001 000.
  expect(configuredChannels(Uint8Array.of(0x14, 0x08))).toBe(1)
  // 5.1 (configuration 6) and 7.1 (configuration 7: eight channels).
  expect(configuredChannels(Uint8Array.of(0x11, 0xb0))).toBe(6)
  expect(configuredChannels(Uint8Array.of(0x11, 0xb8))).toBe(8)
  // HE-AAC v2: parametric stereo (29) over a mono core decodes to two channels; 24 kHz core,
  // 48 kHz extension, AAC-LC underneath: 11101 0110 0001 0011 00010 000.
  expect(configuredChannels(Uint8Array.of(0xeb, 0x09, 0x88, 0x00))).toBe(2)
  // Mono followed by a sync word's extension (0x2b7), which may add parametric stereo: probed.
  expect(configuredChannels(Uint8Array.of(0x14, 0x08, 0x56, 0xe5, 0x00))).toBeUndefined()
  expect(configuredChannels(Uint8Array.of(0x12, 0x10, 0x56, 0xe5, 0x00))).toBe(2)
  // Channels named by a program config element in the stream (configuration 0): not read here.
  expect(configuredChannels(Uint8Array.of(0x12, 0x00))).toBeUndefined()
  // An explicit sampling rate (index 15, 24 bits) before the channels: 00010 1111 <24> 0010.
  expect(configuredChannels(Uint8Array.of(0x17, 0x80, 0x00, 0x00, 0x10))).toBe(2)
})
