import { OPENING_RANGES } from '../../domain/audio/decode-ranges'
import type { PackedFeatures } from '../../domain/audio/packed-features'
import { FeaturePacker } from '../../domain/audio/packed-features'
import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import { PeakAssembly } from '../../domain/audio/range-assembly'
import type { Filling } from './decode-peaks'
import type { DecodePool, PoolRange, RunOptions } from './decode-pool'
import type { RangeReply } from './decode-protocol'

export interface RangesDecoded {
  audio: { peaks: Float32Array[]; duration: number; channels: number }
  features?: PackedFeatures
}

/** Decodes every range on the pool and puts the results in place as they arrive. */
export async function runRanges(
  pool: DecodePool,
  ranges: readonly PoolRange[],
  channels: number,
  duration: number,
  signal: AbortSignal,
  filling: Filling,
  options: RunOptions = {},
): Promise<RangesDecoded> {
  const assembly = new RangesAssembly(channels, duration, filling, ranges.length)
  await untilAborted(pool.run(ranges, assembly.place, options), signal)
  return assembly.result()
}

/**
 * The full-length peaks and features of a recording, filled as its ranges come back (`index` is
 * the range's place in the whole plan), in whatever order and however many runs they take.
 */
export class RangesAssembly {
  private readonly peaks: PeakAssembly
  private readonly features: FeaturePacker
  private readonly opening: number
  private openingDone = 0

  constructor(
    private readonly channels: number,
    private readonly duration: number,
    private readonly filling: Filling,
    rangeCount: number,
  ) {
    this.peaks = new PeakAssembly(channels, duration)
    this.features = new FeaturePacker(channels, this.peaks.bins)
    this.opening = Math.min(OPENING_RANGES, rangeCount)
    filling.start(this.peaks.peaks, duration, channels, this.peaks.placed)
  }

  readonly place = (range: RangeReply, index: number) => {
    const startBin = Math.round((range.startSample * PEAKS_PER_SECOND) / range.sampleRate)
    this.peaks.place(startBin, range.peaks)
    this.features.place(startBin, range.features)
    if (index < this.opening && ++this.openingDone === this.opening)
      this.filling.opening(this.peaks.fraction)
    else this.filling.update(this.peaks.fraction)
  }

  result(): RangesDecoded {
    const features = this.features.result()
    const audio = { peaks: this.peaks.peaks, duration: this.duration, channels: this.channels }
    return features ? { audio, features } : { audio }
  }
}

export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) reject(new Error('decode abandoned'))
    signal.addEventListener('abort', () => reject(new Error('decode abandoned')), { once: true })
    work.then(resolve, reject)
  })
}
