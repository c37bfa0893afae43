import { create } from 'zustand'
import type { Corrections, EdgeShift, SpeakerLane } from '../domain/corrections'
import {
  NO_CORRECTIONS,
  nudgeEdge,
  nudgeGlobal,
  nudgeItems,
  nudgeLane,
  roundMicro,
} from '../domain/corrections'
import { loadReview, saveReview } from './persist-corrections'

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
}))

type History = Pick<ReviewState, 'corrections' | 'past' | 'future'>

/** Sets the corrections and their history together and saves them, so Undo survives a reload. */
function setHistory(history: (state: ReviewState) => History | undefined) {
  useReviewStore.setState((state) => {
    const next = history(state)
    if (!next) return state
    if (state.callKey) saveReview(state.callKey, next)
    return next
  })
}

/** Every correction goes through here: one undo step, saved at once. */
function commit(next: Corrections) {
  setHistory((state) =>
    next === state.corrections
      ? undefined
      : {
          corrections: next,
          past: [...state.past, state.corrections].slice(-HISTORY_LIMIT),
          future: [],
        },
  )
}

export const reviewActions = {
  openCall: (callKey: string | undefined) => {
    const saved = (callKey && loadReview(callKey)) || undefined
    const history = saved ?? { corrections: NO_CORRECTIONS, past: [], future: [] }
    useReviewStore.setState({ callKey, ...history, selectedId: undefined })
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
      commit({ ...corrections, globalOffset: roundMicro(seconds) })
  },
  nudgeItems: (ids: readonly string[], delta: number) => {
    commit(nudgeItems(useReviewStore.getState().corrections, ids, delta))
  },
  setLaneOffset: (lane: SpeakerLane, seconds: number) => {
    const { corrections } = useReviewStore.getState()
    const rounded = roundMicro(seconds)
    if (rounded !== corrections.laneOffsets[lane])
      commit({ ...corrections, laneOffsets: { ...corrections.laneOffsets, [lane]: rounded } })
  },
  nudgeLane: (lane: SpeakerLane, delta: number) => {
    commit(nudgeLane(useReviewStore.getState().corrections, lane, delta))
  },
  nudgeEdge: (id: string, side: keyof EdgeShift, delta: number) => {
    commit(nudgeEdge(useReviewStore.getState().corrections, id, side, delta))
  },
  resetAll: () => {
    commit(NO_CORRECTIONS)
  },
  undo: () => {
    setHistory((state) => {
      const previous = state.past.at(-1)
      if (!previous) return undefined
      return {
        corrections: previous,
        past: state.past.slice(0, -1),
        future: [state.corrections, ...state.future],
      }
    })
  },
  redo: () => {
    setHistory((state) => {
      const [next, ...rest] = state.future
      if (!next) return undefined
      return { corrections: next, past: [...state.past, state.corrections], future: rest }
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
  setRate: (rate: number) => {
    useReviewStore.setState({ rate })
  },
}
