import { expect, test } from 'vitest'
import type { AlignmentFeatures } from './features'
import { MFCC_COUNT } from './features'
import { fromHalves, toHalves } from './half-float'
import {
  FeaturePacker,
  featureChunks,
  packFeatures,
  packRange,
  unpackFeatures,
} from './packed-features'

function features(frames: number, channels: number, seed = 0): AlignmentFeatures {
  // Values a half float holds exactly, so that a round trip can be compared value for value.
  const filled = (length: number, salt: number) =>
    fromHalves(toHalves(Float32Array.from({ length }, (_, i) => Math.sin(i * 0.37 + salt + seed))))
  return {
    frames,
    channels: Array.from({ length: channels }, (_, c) => ({
      energy: filled(frames, c),
      highEnergy: filled(frames, c + 10),
      flux: filled(frames, c + 20),
      mfcc: filled(frames * MFCC_COUNT, c + 30),
    })),
  }
}

const range = (frames: number, value: number): AlignmentFeatures => ({
  frames,
  channels: [
    {
      energy: new Float32Array(frames).fill(value),
      highEnergy: new Float32Array(frames).fill(value + 0.5),
      flux: new Float32Array(frames).fill(value),
      mfcc: new Float32Array(frames * MFCC_COUNT).fill(value),
    },
  ],
})

test('features packed whole come back array for array', async () => {
  const original = features(7, 2)
  const packed = packFeatures(original)
  expect(packed?.data).toBeInstanceOf(Blob)
  expect(packed && (await unpackFeatures(packed))).toEqual(original)
})

test('ranges packed out of order unpack frame-wise, the last one clipped to the recording', async () => {
  const packer = new FeaturePacker(1, 5)
  expect(packer.result()).toBeUndefined()
  packer.place(3, packRange(range(3, 2)))
  packer.place(0, packRange(range(3, 1)))
  const packed = packer.result()
  expect(packed?.chunks).toEqual([
    { start: 0, frames: 3 },
    { start: 3, frames: 2 },
  ])
  const result = packed && (await unpackFeatures(packed))
  expect(Array.from(result?.channels[0]?.energy ?? [])).toEqual([1, 1, 1, 2, 2])
  expect(Array.from(result?.channels[0]?.highEnergy ?? [])).toEqual([1.5, 1.5, 1.5, 2.5, 2.5])
  expect(result?.channels[0]?.mfcc.length).toBe(5 * MFCC_COUNT)
  expect(result?.channels[0]?.mfcc[3 * MFCC_COUNT - 1]).toBe(1)
  expect(result?.channels[0]?.mfcc[3 * MFCC_COUNT]).toBe(2)
})

test('a chunk is read with each of its channels apart', async () => {
  const original = features(4, 2, 3)
  const packer = new FeaturePacker(2, 4)
  packer.place(0, packRange(original))
  const packed = packer.result()
  const chunks = []
  if (packed) for await (const chunk of featureChunks(packed)) chunks.push(chunk)
  expect(chunks).toHaveLength(1)
  expect(chunks[0]?.channels[1]?.mfcc).toEqual(original.channels[1]?.mfcc)
  expect(chunks[0]?.channels[0]?.flux).toEqual(original.channels[0]?.flux)
})

test('a range of another channel count is left out, its frames 0, the others in place', async () => {
  const packer = new FeaturePacker(2, 6)
  packer.place(0, packRange(features(3, 2, 1)))
  packer.place(3, packRange(range(3, 7)))
  const packed = packer.result()
  expect(packed?.chunks).toEqual([{ start: 0, frames: 3 }])
  const result = packed && (await unpackFeatures(packed))
  expect(Array.from(result?.channels[1]?.energy ?? []).slice(3)).toEqual([0, 0, 0])
  expect(result?.channels[1]?.energy[2]).toBe(features(3, 2, 1).channels[1]?.energy[2])
})

test('values are stored at half precision: each comes back as its nearest half float', async () => {
  const level = -61.237
  const packed = packFeatures(range(2, level))
  const result = packed && (await unpackFeatures(packed))
  const stored = result?.channels[0]?.energy[1] ?? 0
  expect(stored).toBe(fromHalves(toHalves(Float32Array.of(level)))[0])
  expect(Math.abs(stored - level)).toBeLessThan(0.02)
  expect(packed?.data.size).toBe(2 * (3 + MFCC_COUNT) * Uint16Array.BYTES_PER_ELEMENT)
})
