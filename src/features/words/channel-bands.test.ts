import { expect, test } from 'vitest'
import { MFCC_COUNT } from '../../domain/audio/features'
import { fromHalves, toHalves } from '../../domain/audio/half-float'
import { FeaturePacker, packRange } from '../../domain/audio/packed-features'
import { wordPauseLevel } from '../../domain/words/audio-words'
import { spectralShape } from '../../domain/words/class-costs'
import { readChannelBands } from './channel-bands'

// Values a half float holds exactly: the features are stored as halves.
const filled = (length: number, salt: number) =>
  fromHalves(
    toHalves(Float32Array.from({ length }, (_, i) => -40 + 30 * Math.sin(i * 0.37 + salt))),
  )

test('bands read chunk by chunk are those of the whole recording', async () => {
  const frames = 50
  const whole = Array.from({ length: 2 }, (_, c) => ({
    energy: filled(frames, c),
    highEnergy: filled(frames, c + 10),
    flux: filled(frames, c + 20),
    mfcc: filled(frames * MFCC_COUNT, c + 30),
  }))
  const packer = new FeaturePacker(2, frames)
  for (const [from, to] of [
    [20, 50],
    [0, 20],
  ] as const)
    packer.place(
      from,
      packRange({
        frames: to - from,
        channels: whole.map((c) => ({
          energy: c.energy.slice(from, to),
          highEnergy: c.highEnergy.slice(from, to),
          flux: c.flux.slice(from, to),
          mfcc: c.mfcc.slice(from * MFCC_COUNT, to * MFCC_COUNT),
        })),
      }),
    )
  const packed = packer.result()
  if (!packed) throw new Error('nothing packed')
  expect(await readChannelBands(packed)).toEqual(
    whole.map(({ energy, highEnergy, mfcc }) => ({
      energy,
      highEnergy,
      shape: spectralShape(mfcc),
      speechLevelDb: wordPauseLevel(energy),
    })),
  )
})
