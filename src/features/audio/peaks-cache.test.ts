import { expect, test } from 'vitest'
import type { ChannelFeatures } from '../../domain/audio/features'
import { packFeatures, unpackFeatures } from './peaks-cache'

const channel = (seed: number): ChannelFeatures => ({
  energy: Float32Array.of(seed, seed + 1),
  highEnergy: Float32Array.of(seed + 2, seed + 3),
  flux: Float32Array.of(seed + 4, seed + 5),
  mfcc: new Float32Array(26).map((_, i) => seed + i / 10),
})

test('features stored as one Blob come back array for array', async () => {
  const features = { frames: 2, channels: [channel(1), channel(50)] }
  const stored = packFeatures(features)
  expect(stored.data).toBeInstanceOf(Blob)
  expect(await unpackFeatures(stored)).toEqual(features)
})
