import type { AlignmentFeatures } from './features'

/** What the decode pass feeds besides the peaks: the shape of issue 10's `FeatureAccumulator`. */
export interface FeatureSink {
  push(channelData: readonly Float32Array[], length: number): void
  result(): AlignmentFeatures
}

/** Stands in until `FeatureAccumulator` is on main: keeps nothing. */
class NoFeatures implements FeatureSink {
  push() {}
  result(): AlignmentFeatures {
    return { frames: 0, channels: [] }
  }
}

export function createFeatureSink(channels: number, sampleRate: number): FeatureSink {
  void channels
  void sampleRate
  return new NoFeatures()
}
