import { FEATURE_RATE, FeatureAccumulator } from '../audio/features'

/**
 * Band energy and MFCCs of a 16 kHz signal held whole (a synthesised reference), computed by the
 * same `FeatureAccumulator` as the recording's features, so both sides of the DTW match.
 */
export interface FrameFeatures {
  frames: number
  /** 150–4000 Hz band energy per frame, dB. */
  energy: Float32Array
  /** `MFCC_COUNT` coefficients per frame, frame-major. */
  mfcc: Float32Array
}

export function computeFrameFeatures(samples: Float32Array): FrameFeatures {
  const accumulator = new FeatureAccumulator(1, FEATURE_RATE)
  accumulator.push([samples], samples.length)
  const { frames, channels } = accumulator.result()
  const channel = channels[0]
  return {
    frames,
    energy: channel?.energy ?? new Float32Array(0),
    mfcc: channel?.mfcc ?? new Float32Array(0),
  }
}
