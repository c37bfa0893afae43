import type { ChatItem } from './call'

/** Which timestamp source placed an item (shown to the reviewer and exported). */
export type Basis =
  | 'metrics'
  | 'words'
  | 'user_state'
  | 'e2e_latency'
  | 'created_at'
  | 'created_at_end'
  | 'estimate'
  | 'audio'

/**
 * Sources measured from the audio pipeline, independent of each other; `created_at` estimates are
 * rough by nature and `e2e_latency` is derived from the metrics.
 */
export const MEASURED_BASES: ReadonlySet<Basis> = new Set(['metrics', 'words', 'user_state'])

export type RecordingKind = 'agent_ogg' | 'egress' | 'unknown'

export type T0Source =
  | 'audio_recording_started_at'
  | 'egress_file_started_at'
  | 'first_user_speech'
  | 'earliest_timestamp'

/** How epoch times map to the recording: `pos = t − t0Unix (+ agentBias for agent speech)`. */
export interface RecordingAnchor {
  kind: RecordingKind
  /** Epoch seconds of sample 0. */
  t0Unix: number
  t0Source: T0Source
  /** Added to agent speech only: the egress path delays it (formats.md §9.2). */
  agentBias: number
  /** True when no file metadata gave t0 and it was guessed. */
  estimated: boolean
}

export type Lane = 'user' | 'agent' | 'marker'

export type WordsSource = 'captured' | 'audio' | 'estimated'

export interface PlacedWord {
  text: string
  /** Seconds into the recording. */
  start: number
  end: number
  /** False for words synthesized past the point where an interrupted message was cut. */
  heard: boolean
}

export interface PlacedItem {
  id: string
  type: ChatItem['type']
  role?: 'user' | 'assistant' | 'system' | 'developer'
  lane: Lane
  /** Display text: the message text, the tool name, the new agent… */
  text: string
  interrupted: boolean
  /** Seconds into the recording. */
  start: number
  /** Seconds into the recording; null for point markers. */
  end: number | null
  basis: Basis
  /** Set by the audio alignment: how well the speech found fits the history, 0..1. */
  confidence?: number
  /** `unmatched`: the alignment found no speech for it and left it at its fitted clock. */
  alignStatus?: 'matched' | 'unmatched'
  words: PlacedWord[]
  /** No word timings were captured: the words are spread over the span or timed from the audio. */
  wordsEstimated: boolean
  /** Where the word times come from: the capture, the audio (word-timing.md), or the text length. */
  wordsSource: WordsSource
  /** Assistant reply latency in seconds (metrics `e2e_latency`, else measured from the placements). */
  latency?: number
  /** Where each other available source would put the start, relative to `start` (seconds). */
  alternatives: { basis: Basis; delta: number }[]
  /** Tool name for function calls and their outputs. */
  name?: string
  callId?: string
  source: ChatItem
}

export interface Timeline {
  anchor: RecordingAnchor
  /** Sorted by start (not by created_at: formats.md §1.6). */
  items: PlacedItem[]
  /** User VAD segments from `user_state_changed` events, seconds into the recording. */
  vad: { start: number; end: number }[]
}
