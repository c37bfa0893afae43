import type { PackedFeatures } from '../../domain/audio/packed-features'
import { FeaturePacker } from '../../domain/audio/packed-features'
import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import { PeakAssembly } from '../../domain/audio/range-assembly'
import type { Filling } from './decode-peaks'
import type { DecodePool, PoolRange } from './decode-pool'

/** The first two ranges (the opening seconds, one per worker) are what the first draw waits for. */
const OPENING_RANGES = 2

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
): Promise<RangesDecoded> {
  const peaks = new PeakAssembly(channels, duration)
  const features = new FeaturePacker(channels, peaks.bins)
  filling.start(peaks.peaks, duration, channels)
  const opening = Math.min(OPENING_RANGES, ranges.length)
  let openingDone = 0
  const decoded = pool.run(ranges, (range, index) => {
    const startBin = Math.round((range.startSample * PEAKS_PER_SECOND) / range.sampleRate)
    peaks.place(startBin, range.peaks)
    features.place(startBin, range.features)
    if (index < opening && ++openingDone === opening) filling.opening()
    else filling.update(peaks.fraction)
  })
  await untilAborted(decoded, signal)
  const result = features.result()
  const audio = { peaks: peaks.peaks, duration, channels }
  return result ? { audio, features: result } : { audio }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) reject(new Error('decode abandoned'))
    signal.addEventListener('abort', () => reject(new Error('decode abandoned')), { once: true })
    work.then(resolve, reject)
  })
}
