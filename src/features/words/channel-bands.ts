import type { PackedFeatures } from '../../domain/audio/packed-features'
import { featureChunks } from '../../domain/audio/packed-features'
import { wordPauseLevel } from '../../domain/words/audio-words'
import type { ChannelBands } from '../../domain/words/class-words'
import { SHAPE_COEFFICIENTS, spectralShape } from '../../domain/words/class-costs'

/**
 * What the word timing reads of each channel, read a chunk at a time: the MFCCs are kept only as
 * their c1…c3, and the fields it does not read are never held.
 */
export async function readChannelBands(packed: PackedFeatures): Promise<ChannelBands[]> {
  const bands = Array.from({ length: packed.channels }, () => ({
    energy: new Float32Array(packed.frames),
    highEnergy: new Float32Array(packed.frames),
    shape: new Float32Array(packed.frames * SHAPE_COEFFICIENTS),
  }))
  for await (const { chunk, channels } of featureChunks(packed))
    channels.forEach((source, c) => {
      const target = bands[c]
      if (!target) return
      target.energy.set(source.energy, chunk.start)
      target.highEnergy.set(source.highEnergy, chunk.start)
      target.shape.set(spectralShape(source.mfcc), chunk.start * SHAPE_COEFFICIENTS)
    })
  return bands.map((band) => ({ ...band, speechLevelDb: wordPauseLevel(band.energy) }))
}
