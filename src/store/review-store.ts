import { create } from 'zustand'
import type { Corrections, EdgeShift, SpeakerLane } from '../domain/corrections'
import {
  clampOffset,
  NO_CORRECTIONS,
  nudgeEdge,
  nudgeGlobal,
  nudgeItems,
  nudgeLane,
} from '../domain/corrections'
import { sameCorrections } from '../domain/stored-corrections'
import { nextTask } from '../features/loading/next-task'
import type { RestoredCorrections } from '../domain/stored-corrections'
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

function save(
  callKey: string | undefined,
  corrections: Corrections,
  past: readonly Corrections[],
  future: readonly Corrections[],
): Partial<ReviewState> {
  if (!callKey) return {}
  return { saveFailure: saveCorrections(callKey, corrections, { past, future }) }
}

let unsaved = false

/**
 * Corrections are saved in the task after the one that made them, once however many came in it:
 * serialising the undo history (an alignment in every step) would otherwise add to the render of
 * the correction itself. Opening another call and leaving the page save at once.
 */
function saveSoon() {
  if (unsaved) return
  unsaved = true
  void nextTask().then(saveNow)
}

function saveNow() {
  if (!unsaved) return
  unsaved = false
  const state = useReviewStore.getState()
  const saved = save(state.callKey, state.corrections, state.past, state.future)
  if (saved.saveFailure !== state.saveFailure) useReviewStore.setState(saved)
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', saveNow)

/** Every correction goes through here: one undo step, saved in the next task. */
function commit(next: Corrections) {
  const before = useReviewStore.getState().corrections
  useReviewStore.setState((state) => {
    if (next === state.corrections) return state
    const past = [...state.past, state.corrections].slice(-HISTORY_LIMIT)
    return { corrections: next, past, future: [] }
  })
  if (useReviewStore.getState().corrections !== before) saveSoon()
}

export const reviewActions = {
  /** `restored`: the call's saved corrections, when the caller has read them already. */
  openCall: (
    callKey: string | undefined,
    restored: RestoredCorrections | undefined = callKey ? loadCorrections(callKey) : undefined,
  ) => {
    saveNow()
    useReviewStore.setState({
      callKey,
      corrections: restored?.corrections ?? NO_CORRECTIONS,
      droppedOnLoad: restored?.dropped ?? [],
      past: restored?.past ?? [],
      future: restored?.future ?? [],
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
  setLaneOffset: (lane: SpeakerLane, seconds: number) => {
    const { corrections } = useReviewStore.getState()
    const rounded = clampOffset(seconds)
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
    useReviewStore.setState((state) => {
      const previous = state.past.at(-1)
      if (!previous) return state
      const past = state.past.slice(0, -1)
      const future = [state.corrections, ...state.future]
      return { corrections: previous, past, future }
    })
    saveSoon()
  },
  redo: () => {
    useReviewStore.setState((state) => {
      const [next, ...rest] = state.future
      if (!next) return state
      const past = [...state.past, state.corrections]
      return { corrections: next, past, future: rest }
    })
    saveSoon()
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
      ...save(state.callKey, state.corrections, state.past, state.future),
    }))
  },
  retrySave: () => {
    useReviewStore.setState((state) =>
      save(state.callKey, state.corrections, state.past, state.future),
    )
  },
  dismissDropped: () => {
    useReviewStore.setState({ droppedOnLoad: [] })
  },
  setRate: (rate: number) => {
    useReviewStore.setState({ rate })
  },
}
