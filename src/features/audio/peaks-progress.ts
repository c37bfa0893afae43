import { create } from 'zustand'

export type PeaksSource = 'cache' | 'workers' | 'browser'

export interface PeaksProgress {
  /** The arrays being filled (the same ones the loaded recording holds). */
  peaks?: Float32Array[]
  /** Bumped each time more of them is filled in. */
  version: number
  /** Share of the recording decoded so far. */
  fraction: number
  complete: boolean
  source?: PeaksSource
}

/** How far the waveform of the newest recording has come; the waveform redraws on each version. */
export const usePeaksProgress = create<PeaksProgress>(() => ({
  version: 0,
  fraction: 0,
  complete: false,
}))
