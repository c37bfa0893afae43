import { ChannelFrames } from './channel-frames'
import { FEATURE_RATE, FFT_SIZE } from './feature-spec'
import type { FramePower } from './fft'
import { RealFft } from './fft'
import { Resampler } from './resampler'

/**
 * Alignment features computed in the same pass as the waveform peaks (alignment.md §3.1):
 * 16 kHz, 10 ms hop, 25 ms window, per channel (the frame is in `feature-spec.ts`). Typed arrays
 * only, so a worker packs them into a Blob as they are (`packed-features.ts`).
 */
export { FEATURE_HOP_S, FEATURE_RATE, MFCC_COUNT } from './feature-spec'
export { Resampler } from './resampler'

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

/**
 * Alignment features for audio that arrives in chunks (a streaming decoder): the same frames
 * whatever the chunk sizes, and no PCM kept. Same shape as `PeakAccumulator`.
 */
export class FeatureAccumulator {
  private readonly resamplers: Resampler[] | undefined
  private readonly frames: ChannelFrames[]
  private samples16k = 0
  private resampled = new Float32Array(0)

  /** `spectrum` is shared by the channels, one frame at a time; JavaScript's FFT by default. */
  constructor(
    readonly channels: number,
    readonly sampleRate: number,
    spectrum: FramePower = new RealFft(FFT_SIZE),
  ) {
    // Audio already at 16 kHz (the Opus decode) goes to the frames as it is.
    this.resamplers =
      sampleRate === FEATURE_RATE
        ? undefined
        : Array.from({ length: channels }, () => new Resampler(sampleRate))
    this.frames = Array.from({ length: channels }, () => new ChannelFrames(spectrum))
  }

  push(channelData: readonly Float32Array[], length: number) {
    for (let c = 0; c < this.channels; c++) {
      const data = channelData[c] ?? channelData[0]
      if (!data) continue
      const resampler = this.resamplers?.[c]
      const produced = resampler ? this.resample(resampler, data, length) : length
      this.frames[c]!.add(resampler ? this.resampled : data, produced)
      if (c === 0) this.samples16k += produced
    }
  }

  result(): AlignmentFeatures {
    for (const frames of this.frames) frames.finish(this.samples16k)
    const channels = this.frames.map((f) => ({
      energy: f.energy.result(f.frames),
      highEnergy: f.highEnergy.result(f.frames),
      flux: f.flux.result(f.frames),
      mfcc: f.mfcc.result(f.frames),
    }))
    return { frames: this.frames[0]?.frames ?? 0, channels }
  }

  /** Writes the 16 kHz samples this block completes to `resampled`; returns how many. */
  private resample(resampler: Resampler, data: Float32Array, length: number): number {
    if (this.resampled.length < resampler.capacity(length))
      this.resampled = new Float32Array(resampler.capacity(length))
    return resampler.push(data, length, this.resampled)
  }
}
