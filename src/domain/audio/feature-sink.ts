import type { AlignmentFeatures } from './features'
import { FeatureAccumulator } from './features'

/** What the decode pass feeds besides the peaks: the shape of `FeatureAccumulator`. */
export interface FeatureSink {
  push(channelData: readonly Float32Array[], length: number): void
  result(): AlignmentFeatures
}

export function createFeatureSink(channels: number, sampleRate: number): FeatureSink {
  return new FeatureAccumulator(channels, sampleRate)
}
