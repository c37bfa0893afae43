import type { AlignmentFeatures } from './features'
import type { FeatureSink } from './feature-sink'
import { createFeatureSink } from './feature-sink'
import { PeakAccumulator } from './peaks'

export interface RangeResult {
  sampleRate: number
  /** First sample kept, on a bin boundary. */
  startSample: number
  samples: number
  peaks: Float32Array[]
  features: AlignmentFeatures
}

/**
 * One decode range's output, whatever the decoder's block sizes: keeps only samples in
 * [from, to) and feeds each block to the peaks and the alignment features in the same pass.
 */
export class RangeSink {
  private readonly peaks: PeakAccumulator
  private readonly features: FeatureSink
  private kept = 0

  constructor(
    channels: number,
    private readonly sampleRate: number,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.peaks = new PeakAccumulator(channels, sampleRate)
    this.features = createFeatureSink(channels, sampleRate)
  }

  /** `position` is the index of `channelData[c][0]` in the whole recording. */
  take(channelData: readonly Float32Array[], length: number, position: number) {
    const start = Math.max(position, this.from, this.from + this.kept)
    const end = Math.min(position + length, this.to)
    if (end <= start) return
    const block = channelData.map((d) => d.subarray(start - position, end - position))
    this.peaks.push(block, end - start)
    this.features.push(block, end - start)
    this.kept += end - start
  }

  /** Everything wanted has arrived. */
  get full(): boolean {
    return this.from + this.kept >= this.to
  }

  result(): RangeResult {
    return {
      sampleRate: this.sampleRate,
      startSample: this.from,
      samples: this.kept,
      peaks: this.peaks.result(),
      features: this.features.result(),
    }
  }
}
