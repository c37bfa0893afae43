/**
 * Alignment features computed in the same pass as the waveform peaks (alignment.md §3.1):
 * 16 kHz, 10 ms hop, 25 ms window, per channel. Typed arrays only, so they transfer out of a
 * worker and into a cache as they are.
 */
export const FEATURE_RATE = 16_000
export const FEATURE_HOP_S = 0.01
export const MFCC_COUNT = 13

export interface ChannelFeatures {
  /** 150–4000 Hz band energy per frame, dB. */
  energy: Float32Array
  /** 2–6 kHz (fricative) band energy per frame, dB. */
  highEnergy: Float32Array
  /** Positive spectral flux per frame. */
  flux: Float32Array
  /** `MFCC_COUNT` coefficients per frame, frame-major (frame f starts at f × MFCC_COUNT). */
  mfcc: Float32Array
}

export interface AlignmentFeatures {
  /** Frames per channel; frame f covers [f × 10 ms, f × 10 ms + 25 ms). */
  frames: number
  channels: ChannelFeatures[]
}
