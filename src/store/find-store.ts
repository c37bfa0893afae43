import { create } from 'zustand'
import type { FindQuery } from '../domain/review/find'
import { EMPTY_QUERY } from '../domain/review/find'

export interface FindState {
  query: FindQuery
  /** With a query, the transcript lists only the matches (the waveform strip shows them all). */
  onlyMatches: boolean
}

export const useFindStore = create<FindState>(() => ({ query: EMPTY_QUERY, onlyMatches: true }))

export const findActions = {
  setQuery: (patch: Partial<FindQuery>) => {
    useFindStore.setState((s) => ({ query: { ...s.query, ...patch } }))
  },
  clear: () => {
    useFindStore.setState((s) => ({ query: { ...EMPTY_QUERY, slowerThanS: s.query.slowerThanS } }))
  },
  toggleOnlyMatches: () => {
    useFindStore.setState((s) => ({ onlyMatches: !s.onlyMatches }))
  },
}
