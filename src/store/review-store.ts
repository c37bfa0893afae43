import { create } from 'zustand'
import type { Corrections } from '../domain/corrections'
import { clampOffset, NO_CORRECTIONS, nudgeGlobal, nudgeItems } from '../domain/corrections'
import { sameCorrections } from '../domain/stored-corrections'
import { loadCorrections, saveCorrections } from './persist-corrections'

/**
 * What a nudge key moves: everything, one lane's speech (an Egress file delays only the agent),
 * the selected message, or it and all after it.
 */
export type NudgeTarget = 'all' | 'agent' | 'user' | 'selected' | 'after'

export const NUDGE_TARGETS: readonly NudgeTarget[] = ['all', 'agent', 'user', 'selected', 'after']

export function needsSelection(target: NudgeTarget): boolean {
  return target === 'selected' || target === 'after'
}

/** Without a selection, a selection target falls back to everything. */
export function effectiveNudgeTarget(state: ReviewState): NudgeTarget {
  return state.selectedId === undefined && needsSelection(state.nudgeTarget)
    ? 'all'
    : state.nudgeTarget
}

export interface ReviewState {
  callKey?: string
  corrections: Corrections
  past: Corrections[]
  future: Corrections[]
  selectedId?: string
  nudgeTarget: NudgeTarget
  autoscroll: boolean
  /** Waveform zoom in px per second. */
  zoom: number
  rate: number
  /** Why the last save failed; cleared by the next successful one. */
  saveFailure?: string
  /** Saved values left out when the call was opened (out of bounds, not a number). */
  droppedOnLoad: string[]
  /** Corrections another tab saved for this call since we last agreed. */
  otherTab?: Corrections
}

const HISTORY_LIMIT = 200

export const useReviewStore = create<ReviewState>(() => ({
  corrections: NO_CORRECTIONS,
  past: [],
  future: [],
  nudgeTarget: 'all',
  autoscroll: true,
  zoom: 0,
  rate: 1,
  droppedOnLoad: [],
}))

function save(callKey: string | undefined, corrections: Corrections): Partial<ReviewState> {
  if (!callKey) return {}
  return { saveFailure: saveCorrections(callKey, corrections) }
}

/** Every correction goes through here: one undo step, saved at once. */
function commit(next: Corrections) {
  useReviewStore.setState((state) => {
    if (next === state.corrections) return state
    return {
      ...save(state.callKey, next),
      corrections: next,
      past: [...state.past, state.corrections].slice(-HISTORY_LIMIT),
      future: [],
    }
  })
}

export const reviewActions = {
  openCall: (callKey: string | undefined) => {
    const restored = callKey ? loadCorrections(callKey) : undefined
    useReviewStore.setState({
      callKey,
      corrections: restored?.corrections ?? NO_CORRECTIONS,
      droppedOnLoad: restored?.dropped ?? [],
      past: [],
      future: [],
      selectedId: undefined,
      saveFailure: undefined,
      otherTab: undefined,
    })
  },
  /** Applies imported corrections as one undoable step. */
  replaceCorrections: (next: Corrections) => {
    commit(next)
  },
  nudgeGlobal: (delta: number) => {
    commit(nudgeGlobal(useReviewStore.getState().corrections, delta))
  },
  setGlobalOffset: (seconds: number) => {
    const { corrections } = useReviewStore.getState()
    if (seconds !== corrections.globalOffset)
      commit({ ...corrections, globalOffset: clampOffset(seconds) })
  },
  nudgeItems: (ids: readonly string[], delta: number) => {
    commit(nudgeItems(useReviewStore.getState().corrections, ids, delta))
  },
  resetAll: () => {
    commit(NO_CORRECTIONS)
  },
  undo: () => {
    useReviewStore.setState((state) => {
      const previous = state.past.at(-1)
      if (!previous) return state
      return {
        ...save(state.callKey, previous),
        corrections: previous,
        past: state.past.slice(0, -1),
        future: [state.corrections, ...state.future],
      }
    })
  },
  redo: () => {
    useReviewStore.setState((state) => {
      const [next, ...rest] = state.future
      if (!next) return state
      return {
        ...save(state.callKey, next),
        corrections: next,
        past: [...state.past, state.corrections],
        future: rest,
      }
    })
  },
  select: (id: string | undefined) => {
    useReviewStore.setState({ selectedId: id })
  },
  setNudgeTarget: (nudgeTarget: NudgeTarget) => {
    useReviewStore.setState({ nudgeTarget })
  },
  toggleAutoscroll: () => {
    useReviewStore.setState((s) => ({ autoscroll: !s.autoscroll }))
  },
  setZoom: (zoom: number) => {
    useReviewStore.setState({ zoom })
  },
  /** Another tab saved this call's corrections: offer them instead of overwriting them. */
  otherTabSaved: (theirs: Corrections) => {
    useReviewStore.setState((state) =>
      sameCorrections(theirs, state.corrections) ? { otherTab: undefined } : { otherTab: theirs },
    )
  },
  takeOtherTab: () => {
    const { otherTab } = useReviewStore.getState()
    if (!otherTab) return
    useReviewStore.setState({ otherTab: undefined })
    commit(otherTab)
  },
  /** Keeps this tab's corrections and writes them over the other tab's. */
  keepThisTab: () => {
    useReviewStore.setState((state) => ({
      otherTab: undefined,
      ...save(state.callKey, state.corrections),
    }))
  },
  retrySave: () => {
    useReviewStore.setState((state) => save(state.callKey, state.corrections))
  },
  dismissDropped: () => {
    useReviewStore.setState({ droppedOnLoad: [] })
  },
  setRate: (rate: number) => {
    useReviewStore.setState({ rate })
  },
}
