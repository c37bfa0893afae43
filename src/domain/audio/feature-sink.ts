import type { FramePower } from './fft'
import type { AlignmentFeatures } from './features'
import { FeatureAccumulator } from './features'

/** What the decode pass feeds besides the peaks: the shape of `FeatureAccumulator`. */
export interface FeatureSink {
  push(channelData: readonly Float32Array[], length: number): void
  result(): AlignmentFeatures
}

/** The FFT every sink made from now on uses; JavaScript's until `useFramePower` says otherwise. */
let sinkSpectrum: FramePower | undefined

/**
 * Sets the FFT of the sinks made from now on, once per decode worker: sinks are made by every
 * decoder's range code, and the spectrum is one per thread (a frame at a time).
 */
export function useFramePower(spectrum: FramePower) {
  sinkSpectrum = spectrum
}

export function createFeatureSink(channels: number, sampleRate: number): FeatureSink {
  return new FeatureAccumulator(channels, sampleRate, sinkSpectrum)
}
