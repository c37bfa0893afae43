import type { AlignmentFeatures, ChannelFeatures } from './features'
import { MFCC_COUNT } from './features'
import { loudestBin, PEAKS_PER_SECOND } from './peaks'

/**
 * The bins placed so far, in the order they landed (append-only, so a reader keeps how many it
 * has seen), and each channel's loudest bin among them: the waveform's scale and overview follow
 * a decode without walking every bin of the call on each update.
 */
export interface PlacedBins {
  spans: { from: number; to: number }[]
  loudest: number[]
}

/**
 * Peaks of a whole recording, filled range by range as the workers finish, in any order. The
 * arrays are allocated once for the full length and filled in place, so a view drawing them
 * shows the parts decoded so far and flat lines elsewhere.
 */
export class PeakAssembly {
  readonly peaks: Float32Array[]
  readonly placed: PlacedBins
  private filledBins = 0

  constructor(channels: number, durationS: number) {
    const bins = Math.ceil(durationS * PEAKS_PER_SECOND)
    this.peaks = Array.from({ length: channels }, () => new Float32Array(bins))
    this.placed = { spans: [], loudest: new Array<number>(channels).fill(0) }
  }

  get bins(): number {
    return this.peaks[0]?.length ?? 0
  }

  place(startBin: number, range: readonly Float32Array[]) {
    const count = Math.min(range[0]?.length ?? 0, Math.max(0, this.bins - startBin))
    range.forEach((values, c) => {
      const target = this.peaks[c]
      if (!target || count === 0) return
      const kept = values.subarray(0, count)
      target.set(kept, startBin)
      this.placed.loudest[c] = Math.max(
        this.placed.loudest[c] ?? 0,
        loudestBin(kept, 0, kept.length),
      )
    })
    if (count > 0) this.placed.spans.push({ from: startBin, to: startBin + count })
    this.filledBins += count
  }

  /** Share of the bins placed so far. */
  get fraction(): number {
    return this.bins === 0 ? 1 : Math.min(1, this.filledBins / this.bins)
  }
}

/** Values per frame of each field of a channel's features. */
export const PER_FRAME: Record<keyof ChannelFeatures, number> = {
  energy: 1,
  highEnergy: 1,
  flux: 1,
  mfcc: MFCC_COUNT,
}
/** Every per-frame array of a channel's features. */
export const FEATURE_FIELDS = Object.keys(PER_FRAME) as (keyof ChannelFeatures)[]

export function emptyFeatures(channels: number, frames: number): AlignmentFeatures {
  return {
    frames,
    channels: Array.from({ length: channels }, () => ({
      energy: new Float32Array(frames),
      highEnergy: new Float32Array(frames),
      flux: new Float32Array(frames),
      mfcc: new Float32Array(frames * MFCC_COUNT),
    })),
  }
}
