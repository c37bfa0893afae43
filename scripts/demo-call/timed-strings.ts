// The `lk-replay.timed-transcript` capture (formats.md §4.6): TTS word timings per assistant
// message, relative to its playback start, and STT word timings per user message.

import { SESSION } from './dialogue.js'
import { wordConfidences, type JsonObject } from './chat-items.js'
import type { AssistantMessage, Message, UserMessage } from './timeline.js'
import { RECORDING_T0_US, toSeconds } from './time.js'

function ttsSegment(message: AssistantMessage): JsonObject {
  const anchor = message.placed.start
  return {
    role: 'assistant',
    source: 'tts_aligned',
    granularity: 'word',
    speech_id: message.turn.speechId,
    message_id: message.turn.id,
    segment_index: 0,
    time_base: 'segment_audio',
    anchor_unix: toSeconds(message.startedAt),
    anchor_source: 'playback_started',
    first_audio_at: null,
    played_duration: toSeconds(message.placed.end - anchor),
    interrupted: message.placed.cut !== null,
    // Every synthesized word, also those after the cut (formats.md §4.3).
    words: message.placed.words.map((word, index) => ({
      text: index === 0 ? word.text : ` ${word.text}`,
      start_time: toSeconds(word.start - anchor),
      end_time: toSeconds(word.end - anchor),
    })),
  }
}

function sttSegment(message: UserMessage): JsonObject {
  const confidences = wordConfidences(message)
  return {
    role: 'user',
    source: 'stt',
    granularity: 'word',
    speech_id: null,
    message_id: message.turn.id,
    segment_index: 0,
    time_base: 'stt_stream',
    anchor_unix: null,
    anchor_source: null,
    first_audio_at: toSeconds(RECORDING_T0_US),
    played_duration: null,
    interrupted: false,
    // The STT stream starts with the recording, so word times are seconds into the file.
    words: message.placed.words.map((word, index) => ({
      text: word.text,
      start_time: toSeconds(word.start),
      end_time: toSeconds(word.end),
      confidence: confidences[index] ?? 0,
      start_time_offset: 0,
    })),
  }
}

export function timedStrings(messages: Message[]): JsonObject {
  const inAudioOrder = [...messages].sort((a, b) => a.placed.start - b.placed.start)
  return {
    schema: 'lk-replay.timed-transcript',
    schema_version: 1,
    sdk: 'python',
    sdk_version: '1.7.0',
    job_id: SESSION.jobId,
    room_id: SESSION.roomId,
    room: SESSION.room,
    segments: inAudioOrder.map((message) =>
      message.role === 'user' ? sttSegment(message) : ttsSegment(message),
    ),
  }
}
