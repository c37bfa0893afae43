import type { PlacedBins } from '../../domain/audio/range-assembly'
import { create } from 'zustand'

export type PeaksSource = 'cache' | 'workers' | 'browser'

export interface PeaksProgress {
  /** The arrays being filled (the same ones the loaded recording holds). */
  peaks?: Float32Array[]
  /** What of them a decode has filled so far; undefined when they came whole (from the cache). */
  placed?: PlacedBins | undefined
  /** Bumped each time more of them is filled in. */
  version: number
  /** Share of the recording decoded so far. */
  fraction: number
  complete: boolean
  source?: PeaksSource
  /** Why the rest of the waveform will not come (a download cancelled or failed part way). */
  stopped?: string | undefined
  /** The peaks the waveform has drawn whole (see `followPeaks`). */
  shown?: Float32Array[] | undefined
}

/** How far the waveform of the newest recording has come; the waveform redraws on each version. */
export const usePeaksProgress = create<PeaksProgress>(() => ({
  version: 0,
  fraction: 0,
  complete: false,
}))

/** What a decode has placed of `peaks`; undefined when they are not the ones being filled. */
export function placedOf(peaks: readonly Float32Array[]): PlacedBins | undefined {
  const { peaks: filling, placed } = usePeaksProgress.getState()
  return filling === peaks ? placed : undefined
}

/** How long work that waits for the waveform (`whenShown`) waits at most: none may be mounted. */
const SHOWN_WAIT_MS = 2000

/**
 * Resolves once the waveform has drawn `peaks` whole, `SHOWN_WAIT_MS` at most: work that can wait
 * for that (a reopen's download, its features) does not share the page's main thread with the
 * first draw, the figure a reviewer waits for.
 */
export function whenShown(peaks: readonly Float32Array[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      unsubscribe()
      resolve()
    }
    const timer = setTimeout(done, SHOWN_WAIT_MS)
    const unsubscribe = usePeaksProgress.subscribe((now) => now.shown === peaks && done())
    if (usePeaksProgress.getState().shown === peaks) done()
  })
}
