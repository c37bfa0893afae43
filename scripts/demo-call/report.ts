// `SessionReport.to_dict()` (Python SDK 1.7.0) for the demo call.

import { chatHistory, type JsonObject } from './chat-items.js'
import { SESSION } from './dialogue.js'
import { reportEvents } from './events.js'
import type { PlacedBackchannel } from './layout.js'
import type { Message } from './timeline.js'
import { RECORDING_T0_US, toSeconds, type Micros } from './time.js'
import { finalUsage } from './usage.js'

const OPTIONS: JsonObject = {
  allow_interruptions: true,
  discard_audio_if_uninterruptible: true,
  min_interruption_duration: 0.5,
  min_interruption_words: 0,
  min_endpointing_delay: 0.5,
  max_endpointing_delay: 3.0,
  max_tool_steps: 3,
  user_away_timeout: 15.0,
  min_consecutive_speech_delay: 0.0,
  // Off, so every user message is created at the end-of-turn decision (formats.md §1.4).
  preemptive_generation: {
    enabled: false,
    preemptive_tts: false,
    max_speech_duration: 10.0,
    max_retries: 3,
  },
  recording_options: { audio: true, traces: true, logs: true, transcript: true, redaction: false },
}

export interface ReportTimes {
  closedAt: Micros
  reportedAt: Micros
}

export function sessionReport(
  messages: Message[],
  backchannel: PlacedBackchannel,
  times: ReportTimes,
): JsonObject {
  return {
    job_id: SESSION.jobId,
    room_id: SESSION.roomId,
    room: SESSION.room,
    events: reportEvents(messages, backchannel, times.closedAt),
    audio_recording_path: SESSION.recordingPath,
    audio_recording_started_at: toSeconds(RECORDING_T0_US),
    options: OPTIONS,
    chat_history: chatHistory(messages, true),
    timestamp: toSeconds(times.reportedAt),
    usage: finalUsage(messages, times.closedAt),
    sdk_version: '1.7.0',
  }
}
