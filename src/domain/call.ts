import type { ChatItem } from './parse/chat-item-schemas'

export type {
  ChatItem,
  ChatMessage,
  FunctionCall,
  FunctionCallOutput,
  Metrics,
} from './parse/chat-item-schemas'

/** Which producer wrote the history file (formats.md §9.1). */
export type HistoryFormat =
  'python_history' | 'python_report' | 'node_history' | 'node_report' | 'node_report_legacy'

/** A session-report event, reduced to what placement uses. Times are epoch seconds. */
export interface AgentEvent {
  type: string
  created_at: number
  old_state?: string
  new_state?: string
  source?: string
  resumed?: boolean
}

/** The conversation history of one call, normalized: snake_case keys, epoch seconds. */
export interface CallHistory {
  file: string
  format: HistoryFormat
  sdk: 'python' | 'node'
  sdkVersion?: string
  items: ChatItem[]
  /** Report events in emission order (empty for a bare history). */
  events: AgentEvent[]
  /** Epoch seconds of sample 0 of the agent's audio.ogg (report `audio_recording_started_at`). */
  recordingStartedAt?: number
  /** Epoch seconds when the report was made, about when the session closed. */
  reportTimestamp?: number
  room?: string
  /** The agent job that ran the call (report `job_id`). */
  jobId?: string
}

/** Where one TTS or STT word sits, in the units of its segment's `timeBase` (seconds). */
export interface TimedWord {
  text: string
  start_time?: number
  end_time?: number
  start_time_offset?: number
  confidence?: number
}

export type TimeBase = 'segment_audio' | 'segment_wallclock' | 'stt_stream'

/** One captured run of word timings (formats.md §4.6). */
export interface TimedSegment {
  role: 'assistant' | 'user'
  timeBase: TimeBase
  messageId?: string
  speechId?: string
  segmentIndex: number
  /** Epoch seconds of time 0 of a TTS segment. */
  anchorUnix?: number
  /** Epoch seconds of the first audio frame through the STT stream. */
  firstAudioAt?: number
  /** Seconds actually played, pauses excluded. */
  playedDuration?: number
  interrupted: boolean
  words: TimedWord[]
}

export interface WordTimings {
  file: string
  segments: TimedSegment[]
}

export type AudioMixing = 'DEFAULT_MIXING' | 'DUAL_CHANNEL_AGENT' | 'DUAL_CHANNEL_ALTERNATE'

/** The parts of an EgressInfo that place its file on the agent clock. */
export interface EgressRecording {
  file: string
  egressId?: string
  /** Epoch seconds of sample 0: `file_results[0].started_at` (formats.md §6.3). */
  fileStartedAt?: number
  /** `EgressInfo.started_at`: the request time, earlier than the file by the spin-up time. */
  egressStartedAt?: number
  fileDuration?: number
  filename?: string
  audioMixing?: AudioMixing
  roomName?: string
}
