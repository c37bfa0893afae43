import { create } from 'zustand'
import type { PackedFeatures } from '../domain/audio/packed-features'
import type { CallHistory, EgressRecording, WordTimings } from '../domain/call'
import type { DataWarning } from '../domain/checks'
import { dataWarnings } from '../domain/checks'
import type { AlignmentExport } from '../domain/export/alignment-schema'
import type { AudioFacts } from '../domain/place/anchor'
import { messageFacts, placeCall } from '../domain/place/place-call'
import type { Problem } from '../domain/problems'
import type { CallMismatch } from '../domain/same-call'
import { callMismatches } from '../domain/same-call'
import type { Timeline } from '../domain/timeline'

/** The recording as the player uses it. */
export interface LoadedAudio {
  name: string
  /** Object URL or remote URL the media element plays. */
  url: string
  /** Per-channel peaks (max |sample| per bin), `PEAKS_PER_SECOND` bins a second. */
  peaks?: Float32Array[]
  duration?: number
  channels?: number
  firstUserOnset?: number
  /** Alignment features from the same decode pass as the peaks. */
  features?: PackedFeatures
  /** Opened from its first seconds; the rest (and the features) is still being decoded. */
  decodingRest?: true
  /** The page may not read its bytes (no CORS rule for it): it plays from its link, undrawn. */
  unread?: true
}

/**
 * Whether a recording plays from its link (a large WAV, a reopened cached link, a download still
 * coming in) rather than from the page's own copy, an object URL.
 */
export function playsFromLink(url: string): boolean {
  return !url.startsWith('blob:')
}

export interface CallInputs {
  history?: CallHistory
  timings?: WordTimings
  egress?: EgressRecording
  audio?: LoadedAudio
}

export interface CallState {
  inputs: CallInputs
  /** Base placement (no corrections), rebuilt when an input changes. */
  timeline?: Timeline
  warnings: DataWarning[]
  /** Problems from the last load, newest first. Loading a bad file never clears `inputs`. */
  problems: Problem[]
  /** The reviewer opened files: what the URL (or the demo) named is no longer what is shown. */
  reviewerOpenedFiles: boolean
  /** Problems of the last recording opened (replaced by the next one). */
  audioProblems: Problem[]
  /** Name of a recording being decoded; the transcript is usable meanwhile. */
  decoding?: string
  /** Inputs that look like another call than the history, until the reviewer decides. */
  mismatches: CallMismatch[]
  /** Mismatches the reviewer chose to ignore ("use them together anyway"), by file and reason. */
  acceptedMismatches: string[]
  /** An export waiting to be applied once its history is loaded. */
  pendingAlignment?: { file: string; alignment: AlignmentExport }
}

export const useCallStore = create<CallState>(() => ({
  inputs: {},
  warnings: [],
  problems: [],
  audioProblems: [],
  mismatches: [],
  acceptedMismatches: [],
  reviewerOpenedFiles: false,
}))

function audioFacts(audio: LoadedAudio | undefined): AudioFacts {
  const facts: AudioFacts = {}
  if (audio?.duration !== undefined) facts.duration = audio.duration
  if (audio?.channels !== undefined) facts.channels = audio.channels
  if (audio?.firstUserOnset !== undefined) facts.firstUserOnset = audio.firstUserOnset
  return facts
}

export type Placed = Pick<CallState, 'inputs' | 'timeline' | 'warnings' | 'mismatches'>

/**
 * The call placed from a set of inputs, without touching the store: for an hour's call the
 * placement is a long task of its own, which a caller can run apart from the render it causes.
 */
export function placeInputs(
  inputs: CallInputs,
  acceptedMismatches = useCallStore.getState().acceptedMismatches,
): Placed {
  return checkPlacement(inputs, placeTimeline(inputs), acceptedMismatches)
}

/** What the placement reads of the history and timings alone, found a task ahead of it. */
export function prepareMessageFacts({ history, timings }: CallInputs) {
  if (history) messageFacts(history, timings)
}

/** The first half of `placeInputs`: the placement alone, so the checks can have a task of their own. */
export function placeTimeline(inputs: CallInputs): Timeline | undefined {
  const { history, timings, egress, audio } = inputs
  if (!history) return undefined
  return placeCall({
    history,
    audio: audioFacts(audio),
    ...(timings ? { timings } : {}),
    ...(egress ? { egress } : {}),
  })
}

/** The second half of `placeInputs`: the data warnings and mismatches of a placement. */
export function checkPlacement(
  inputs: CallInputs,
  timeline: Timeline | undefined,
  acceptedMismatches = useCallStore.getState().acceptedMismatches,
): Placed {
  const { history, timings, egress, audio } = inputs
  if (!history || !timeline) return { inputs, timeline: undefined, warnings: [], mismatches: [] }
  const warnings = dataWarnings(history, timeline, timings, audio?.duration)
  const mismatches = callMismatches(history, timeline, egress, audio).filter(
    (m) => !acceptedMismatches.includes(mismatchKey(m)),
  )
  return { inputs, timeline, warnings, mismatches }
}

/** Sets the inputs and re-places the call (or takes a placement made from these very inputs). */
export function replaceInputs(inputs: CallInputs, placed?: Placed) {
  const accepted = useCallStore.getState().acceptedMismatches
  useCallStore.setState(placed?.inputs === inputs ? placed : placeInputs(inputs, accepted))
}

export function mismatchKey(mismatch: CallMismatch): string {
  return `${mismatch.file}|${mismatch.reason}`
}

/** The reviewer keeps inputs together although they look like different calls. */
export function acceptMismatches() {
  useCallStore.setState((s) => ({
    acceptedMismatches: [...s.acceptedMismatches, ...s.mismatches.map(mismatchKey)],
    mismatches: [],
  }))
}

/**
 * Identifies a review for saved corrections: the history, and which recording it is placed on
 * (the agent's own file or an Egress file need different offsets). File names do not count.
 */
export function callKey(inputs: CallInputs): string | undefined {
  const { history, egress } = inputs
  if (!history) return undefined
  // The first item (the session's first handoff) is the same in a history and its report.
  const first = history.items[0]?.id ?? ''
  const recording = egress ? `egress:${egress.egressId ?? egress.file}` : 'agent'
  return `${first}|${recording}`
}
