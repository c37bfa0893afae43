// The report's `events` list, in emission order. user_state_changed is back-dated to the VAD
// start/end (Python >= 1.5.0), so its created_at can be earlier than the events listed before it.

import { handoffDump, messageDump, functionCallDump, functionOutputDump } from './chat-items.js'
import type { JsonObject } from './chat-items.js'
import type { PlacedBackchannel } from './layout.js'
import type { AssistantMessage, Message, ToolRun, UserMessage } from './timeline.js'
import { GREETING_CREATED_AT } from './timeline.js'
import { SESSION_T_US, epochOf, sec, toSeconds, type Micros } from './time.js'
import { usageSnapshots } from './usage.js'

interface Emitted {
  at: Micros
  event: JsonObject
}

// Emission delays, spaced like the fixture's events.
const HANDOFF_EMITTED_AT = SESSION_T_US + sec(0.0124)
const VAD_START_EMITTED_AFTER = sec(0.1187)
const VAD_END_EMITTED_AFTER = sec(0.5617)
const INTERIM_TRANSCRIPT_AFTER_WORD = sec(0.3106)
const INTERRUPTION_DETECTED_BEFORE_CUT = sec(0.0712)
const BACKCHANNEL_JUDGED_AFTER_END = sec(0.1903)
const GENERATE_REPLY = { user_initiated: true, source: 'generate_reply' }

const event = (at: Micros, type: string, fields: JsonObject, createdAt: Micros = at): Emitted => ({
  at,
  event: { type, ...fields, created_at: toSeconds(createdAt) },
})

const agentState = (at: Micros, from: string, to: string) =>
  event(at, 'agent_state_changed', { old_state: from, new_state: to })

/** A VAD speech segment: emitted late, back-dated to the speech start and end. */
function userState(speakingFrom: Micros, speakingTo: Micros): Emitted[] {
  const speaking = { old_state: 'listening', new_state: 'speaking' }
  const listening = { old_state: 'speaking', new_state: 'listening' }
  return [
    event(speakingFrom + VAD_START_EMITTED_AFTER, 'user_state_changed', speaking, speakingFrom),
    event(speakingTo + VAD_END_EMITTED_AFTER, 'user_state_changed', listening, speakingTo),
  ]
}

function overlappingSpeech(start: Micros, detectedAt: Micros, isInterruption: boolean): Emitted {
  const at = toSeconds(detectedAt)
  return {
    at: detectedAt,
    event: {
      type: 'overlapping_speech',
      created_at: at,
      detected_at: at,
      is_interruption: isInterruption,
      agent_ended: false,
      total_duration: isInterruption ? 0.0867 : 0.0591,
      prediction_duration: isInterruption ? 0.0322 : 0.0297,
      detection_delay: toSeconds(detectedAt - start),
      overlap_started_at: toSeconds(start),
      speech_input: null,
      probabilities: null,
      probability: isInterruption ? 0.94 : 0.08,
      num_requests: isInterruption ? 3 : 2,
    },
  }
}

function transcript(at: Micros, text: string, isFinal: boolean): Emitted {
  const fields = {
    transcript: text,
    is_final: isFinal,
    item_id: null,
    speaker_id: null,
    language: 'en',
  }
  return event(at, 'user_input_transcribed', fields)
}

function userTurnEvents(message: UserMessage, interrupted: AssistantMessage | null): Emitted[] {
  const { turn, placed } = message
  const words = placed.words.map((word) => word.text)
  const interimEnd = placed.words[turn.interimWords - 1]?.end ?? placed.end
  const cut = interrupted?.placed.cut ?? null
  const detectedAt = cut === null ? null : epochOf(cut) - INTERRUPTION_DETECTED_BEFORE_CUT
  const interim = words.slice(0, turn.interimWords).join(' ')
  return [
    ...userState(message.startedAt, message.stoppedAt),
    ...(detectedAt === null ? [] : [overlappingSpeech(message.startedAt, detectedAt, true)]),
    transcript(epochOf(interimEnd) + INTERIM_TRANSCRIPT_AFTER_WORD, interim, false),
    transcript(message.stoppedAt + sec(turn.transcriptionDelay), words.join(' '), true),
    event(message.createdAt + sec(0.0006), 'speech_created', GENERATE_REPLY),
    event(message.createdAt + sec(0.0011), 'conversation_item_added', {
      item: messageDump(message, 'event'),
    }),
    agentState(message.createdAt + sec(0.0014), 'listening', 'thinking'),
  ]
}

function toolEvents(run: ToolRun): Emitted[] {
  const { callId } = run.spec
  const ended = { type: 'tool_call_ended', id: callId, call_id: callId }
  return [
    event(run.startedAt + sec(0.0004), 'tool_execution_updated', {
      update: { type: 'tool_call_started', function_call: functionCallDump(run, 'event') },
    }),
    event(run.endedAt + sec(0.0007), 'tool_execution_updated', {
      update: { ...ended, message: functionOutputDump(run)['output'] ?? '', status: 'done' },
    }),
    event(run.executedAt, 'function_tools_executed', {
      function_calls: [functionCallDump(run, 'event')],
      function_call_outputs: [functionOutputDump(run)],
    }),
  ]
}

function assistantEvents(message: AssistantMessage): Emitted[] {
  const after = message.tool ? 'thinking' : 'listening'
  return [
    ...(message.toolOnlyStep ? toolEvents(message.toolOnlyStep) : []),
    ...(message.tool ? toolEvents(message.tool) : []),
    agentState(message.startedAt + sec(0.0002), 'thinking', 'speaking'),
    event(message.stoppedAt + sec(0.0005), 'conversation_item_added', {
      item: messageDump(message, 'event'),
    }),
    agentState(message.stoppedAt + sec(0.0007), 'speaking', after),
  ]
}

function sessionStartEvents(): Emitted[] {
  return [
    event(HANDOFF_EMITTED_AT, 'conversation_item_added', { item: handoffDump('event') }),
    event(SESSION_T_US + sec(0.0247), 'speech_created', GENERATE_REPLY),
    agentState(SESSION_T_US + sec(0.0318), 'initializing', 'listening'),
    agentState(GREETING_CREATED_AT + sec(0.0001), 'listening', 'thinking'),
  ]
}

function backchannelEvents(backchannel: PlacedBackchannel): Emitted[] {
  const start = epochOf(backchannel.start)
  const end = epochOf(backchannel.end)
  const judgedAt = end + BACKCHANNEL_JUDGED_AFTER_END
  return [...userState(start, end), overlappingSpeech(start, judgedAt, false)]
}

/** The assistant message just before a user turn, if that user turn cut it short. */
function cutShort(previous: Message | null): AssistantMessage | null {
  return previous?.role === 'assistant' && previous.placed.cut !== null ? previous : null
}

export function reportEvents(
  messages: Message[],
  backchannel: PlacedBackchannel,
  closedAt: Micros,
): JsonObject[] {
  const emitted: Emitted[] = [...sessionStartEvents(), ...backchannelEvents(backchannel)]
  let previous: Message | null = null
  for (const message of messages) {
    if (message.role === 'assistant') {
      emitted.push(...assistantEvents(message))
    } else {
      emitted.push(...userTurnEvents(message, cutShort(previous)))
    }
    previous = message
  }
  for (const snapshot of usageSnapshots(messages)) {
    emitted.push(event(snapshot.at, 'session_usage_updated', { usage: snapshot.usage }))
  }
  emitted.push(event(closedAt, 'close', { error: null, reason: 'participant_disconnected' }))
  return emitted.sort((a, b) => a.at - b.at).map(({ event: item }) => item)
}
