import { create } from 'zustand'
import type { AudioWordLayer } from '../domain/words/word-layer'

export interface WordTimingState {
  /** Audio-timed words of the loaded recording, by item id. */
  layer: AudioWordLayer
  /** Messages still waiting for the word worker. */
  pending: number
}

export const NO_AUDIO_WORDS: AudioWordLayer = new Map()

export const useWordTimingStore = create<WordTimingState>(() => ({
  layer: NO_AUDIO_WORDS,
  pending: 0,
}))
