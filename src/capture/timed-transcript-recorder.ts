/**
 * Builds a `lk-replay.timed-transcript` file (formats.md §4.6) from the events an agent sees.
 * It knows nothing of the SDK: `turnline-capture.ts` feeds it from `@livekit/agents`.
 *
 * Linking rule: segments wait in a per-role queue until the SDK adds that role's next chat item to
 * the history (`conversation_item_added`); they then take its id. A reply that was interrupted
 * before anything played adds no item, so a new reply starting behind an interrupted one releases
 * the queue unlinked (Turnline then matches those segments by anchor or text).
 */

export type Role = 'assistant' | 'user'

export interface CapturedWord {
  text: string
  start_time?: number
  end_time?: number
  confidence?: number
  start_time_offset?: number
  speaker_id?: string
}

export interface CapturedSegment {
  role: Role
  source: 'tts_aligned' | 'tts_sentence' | 'stt'
  granularity: 'word' | 'sentence'
  speech_id: string | null
  message_id: string | null
  segment_index: number
  time_base: 'segment_audio' | 'stt_stream'
  anchor_unix: number | null
  anchor_source: 'playback_started' | null
  first_audio_at: number | null
  played_duration: number | null
  interrupted: boolean
  words: CapturedWord[]
}

export interface TimedTranscriptFile {
  schema: 'lk-replay.timed-transcript'
  schema_version: 1
  sdk: 'node' | 'python'
  sdk_version: string | null
  job_id: string | null
  room_id: string | null
  room: string | null
  segments: CapturedSegment[]
}

export interface FileMetadata {
  jobId?: string
  roomId?: string
  room?: string
}

/** A word as the SDKs hand it over: seconds, any field possibly missing. */
export interface WordInput {
  text: string
  startTime?: number | undefined
  endTime?: number | undefined
  confidence?: number | undefined
  startTimeOffset?: number | undefined
  speakerId?: string | null | undefined
}

export class TimedTranscriptRecorder {
  private readonly segments: CapturedSegment[] = []
  private readonly unlinked: Record<Role, CapturedSegment[]> = { assistant: [], user: [] }
  private readonly awaitingStart: CapturedSegment[] = []
  private readonly awaitingFinish: CapturedSegment[] = []

  constructor(
    private readonly sdk: 'node' | 'python',
    private readonly sdkVersion: string | null,
  ) {}

  /** The transcription node began one TTS segment of a reply; its words follow. */
  startSpeechSegment(speechId: string | null = null): CapturedSegment {
    const pending = this.unlinked.assistant
    if (pending.some((s) => s.interrupted && s.played_duration !== null)) pending.length = 0
    const segment = this.newSegment('assistant', 'segment_audio')
    segment.speech_id = speechId
    this.awaitingStart.push(segment)
    this.awaitingFinish.push(segment)
    return segment
  }

  /** A TTS word (`TimedString`) of a segment from `startSpeechSegment`. */
  addSpeechWord(segment: CapturedSegment, word: WordInput): void {
    const captured = capturedWord(word)
    if (captured.start_time === undefined && captured.end_time === undefined) return
    segment.words.push(captured)
    const sentenceLevel = segment.words.every((w) => w.end_time === undefined)
    segment.source = sentenceLevel ? 'tts_sentence' : 'tts_aligned'
    segment.granularity = sentenceLevel ? 'sentence' : 'word'
  }

  /** `playback_started`: the epoch seconds of the first played frame of the oldest open segment. */
  playbackStarted(createdAtUnix: number): void {
    const segment = this.awaitingStart.shift()
    if (!segment) return
    segment.anchor_unix = createdAtUnix
    segment.anchor_source = 'playback_started'
  }

  /** `playback_finished`: seconds played (pauses excluded) of the oldest unfinished segment. */
  playbackFinished(playbackPosition: number, interrupted: boolean): void {
    const segment = this.awaitingFinish.shift()
    if (!segment) return
    const neverStarted = this.awaitingStart.indexOf(segment)
    if (neverStarted >= 0) this.awaitingStart.splice(neverStarted, 1)
    segment.played_duration = playbackPosition
    segment.interrupted = interrupted
  }

  /** A final STT transcript's words; `firstAudioAt` is the epoch seconds of that stream's first frame. */
  addTranscribedWords(words: readonly WordInput[], firstAudioAt: number | null): void {
    const captured = words.map(capturedWord).filter((w) => w.start_time !== undefined)
    if (captured.length === 0) return
    const segment = this.newSegment('user', 'stt_stream')
    segment.first_audio_at = firstAudioAt
    segment.words = captured
  }

  /** `conversation_item_added`: the waiting segments of this role belong to the new message. */
  messageAdded(role: string, messageId: string): void {
    if (role !== 'assistant' && role !== 'user') return
    const pending = this.unlinked[role]
    pending.forEach((segment, index) => {
      segment.message_id = messageId
      segment.segment_index = index
    })
    pending.length = 0
  }

  toJSON(meta: FileMetadata = {}): TimedTranscriptFile {
    return {
      schema: 'lk-replay.timed-transcript',
      schema_version: 1,
      sdk: this.sdk,
      sdk_version: this.sdkVersion,
      job_id: meta.jobId ?? null,
      room_id: meta.roomId ?? null,
      room: meta.room ?? null,
      segments: this.segments.filter((s) => s.words.length > 0),
    }
  }

  private newSegment(role: Role, timeBase: CapturedSegment['time_base']): CapturedSegment {
    const segment: CapturedSegment = {
      role,
      source: role === 'user' ? 'stt' : 'tts_aligned',
      granularity: 'word',
      speech_id: null,
      message_id: null,
      segment_index: 0,
      time_base: timeBase,
      anchor_unix: null,
      anchor_source: null,
      first_audio_at: null,
      played_duration: null,
      interrupted: false,
      words: [],
    }
    this.segments.push(segment)
    this.unlinked[role].push(segment)
    return segment
  }
}

function capturedWord(word: WordInput): CapturedWord {
  const out: CapturedWord = { text: word.text }
  if (isSeconds(word.startTime)) out.start_time = word.startTime
  if (isSeconds(word.endTime)) out.end_time = word.endTime
  if (isSeconds(word.confidence)) out.confidence = word.confidence
  if (isSeconds(word.startTimeOffset)) out.start_time_offset = word.startTimeOffset
  if (typeof word.speakerId === 'string') out.speaker_id = word.speakerId
  return out
}

function isSeconds(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
