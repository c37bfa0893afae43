// Chat items in the two Python shapes: `history.to_dict()` (exclude_none, created_at optional) and
// the `model_dump()` used inside report events (every field present, None as null).

import { SESSION, STT_CONFIDENCES, TURNS } from './dialogue.js'
import { pythonJson, type JsonValue } from './py-json.js'
import type { AssistantMessage, Message, ToolRun, UserMessage } from './timeline.js'
import { SESSION_T_US, sec, toSeconds, type Micros } from './time.js'

export type JsonObject = { [key: string]: JsonValue }
export type DumpMode = 'history' | 'event'

export const HANDOFF_CREATED_AT: Micros = SESSION_T_US + sec(0.0123)
const CONFIG_UPDATE_CREATED_AT: Micros = SESSION_T_US + sec(0.0131)

const LLM_METADATA = { model_name: 'gpt-4.1-mini', model_provider: 'api.openai.com' }
const TTS_METADATA = { model_name: 'sonic-3', model_provider: 'Cartesia' }
const STT_METADATA = { model_name: 'nova-3', model_provider: 'Deepgram' }

export function spokenText(message: Message): string {
  return message.placed.words
    .filter((word) => word.heard)
    .map((word) => word.text)
    .join(' ')
}

export function wordConfidences(message: UserMessage): number[] {
  const seed = TURNS.indexOf(message.turn)
  return message.placed.words.map(
    (_, index) => STT_CONFIDENCES[(seed + index) % STT_CONFIDENCES.length] ?? 0.9,
  )
}

function transcriptConfidence(message: UserMessage): number {
  const values = wordConfidences(message)
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  return Math.round(mean * 10_000) / 10_000
}

function userMetrics(message: UserMessage): JsonObject {
  return {
    stt_metadata: STT_METADATA,
    started_speaking_at: toSeconds(message.startedAt),
    stopped_speaking_at: toSeconds(message.stoppedAt),
    transcription_delay: message.turn.transcriptionDelay,
    end_of_turn_delay: message.turn.endOfTurnDelay,
    on_user_turn_completed_delay: message.turn.onUserTurnCompletedDelay,
  }
}

function assistantMetrics(message: AssistantMessage): JsonObject {
  const { llm } = message.turn
  // Missing on a tool reply after spoken step-1 text, like the SDK (formats.md §1.3).
  const e2e: JsonObject =
    message.e2eLatency === null ? {} : { e2e_latency: toSeconds(message.e2eLatency) }
  return {
    started_speaking_at: toSeconds(message.startedAt),
    stopped_speaking_at: toSeconds(message.stoppedAt),
    llm_node_ttft: llm.ttft,
    llm_node_tps: llm.tps,
    llm_node_ttfs: llm.ttfs,
    tts_node_ttfb: llm.ttfb,
    playback_latency: llm.playbackLatency,
    ...e2e,
    llm_metadata: LLM_METADATA,
    tts_metadata: TTS_METADATA,
  }
}

export function messageDump(message: Message, mode: DumpMode): JsonObject {
  const isUser = message.role === 'user'
  const confidence = isUser ? transcriptConfidence(message) : null
  return {
    id: message.turn.id,
    type: 'message',
    role: message.role,
    content: [spokenText(message)],
    interrupted: message.placed.cut !== null,
    ...(confidence !== null || mode === 'event' ? { transcript_confidence: confidence } : {}),
    extra: {},
    metrics: isUser ? userMetrics(message) : assistantMetrics(message),
    created_at: toSeconds(message.createdAt),
    ...(mode === 'event' ? { hash: null } : {}),
  }
}

export function functionCallDump(run: ToolRun, mode: DumpMode): JsonObject {
  return {
    id: run.callItemId,
    type: 'function_call',
    call_id: run.spec.callId,
    arguments: pythonJson(run.spec.arguments, null),
    name: run.spec.name,
    created_at: toSeconds(run.startedAt),
    extra: {},
    ...(mode === 'event' ? { group_id: null } : {}),
  }
}

export function functionOutputDump(run: ToolRun): JsonObject {
  return {
    id: run.spec.outputId,
    type: 'function_call_output',
    name: run.spec.name,
    call_id: run.spec.callId,
    output: pythonJson(run.spec.output, null),
    is_error: false,
    created_at: toSeconds(run.endedAt),
    reply_required: true,
  }
}

export function handoffDump(mode: DumpMode): JsonObject {
  return {
    id: SESSION.handoffId,
    type: 'agent_handoff',
    ...(mode === 'event' ? { old_agent_id: null } : {}),
    new_agent_id: SESSION.agentId,
    created_at: toSeconds(HANDOFF_CREATED_AT),
  }
}

function configUpdateDump(): JsonObject {
  return {
    id: SESSION.configUpdateId,
    type: 'agent_config_update',
    instructions: SESSION.instructions,
    tools_added: [...SESSION.tools],
    created_at: toSeconds(CONFIG_UPDATE_CREATED_AT),
  }
}

export function toolRuns(messages: Message[]): ToolRun[] {
  return messages.flatMap((message) =>
    message.role === 'assistant'
      ? [message.toolOnlyStep, message.tool].filter((run): run is ToolRun => run !== null)
      : [],
  )
}

export interface HistoryEntry {
  id: string
  type: string
  createdAt: Micros
  item: JsonObject
}

/** Every history item with its created_at, in `session.history` order (sorted by created_at). */
export function historyItems(messages: Message[]): HistoryEntry[] {
  const entry = (id: string, type: string, createdAt: Micros, item: JsonObject) => ({
    id,
    type,
    createdAt,
    item,
  })
  const items = [
    entry(SESSION.handoffId, 'agent_handoff', HANDOFF_CREATED_AT, handoffDump('history')),
    entry(
      SESSION.configUpdateId,
      'agent_config_update',
      CONFIG_UPDATE_CREATED_AT,
      configUpdateDump(),
    ),
    ...messages.map((message) =>
      entry(message.turn.id, 'message', message.createdAt, messageDump(message, 'history')),
    ),
    ...toolRuns(messages).flatMap((run) => [
      entry(run.callItemId, 'function_call', run.startedAt, functionCallDump(run, 'history')),
      entry(run.spec.outputId, 'function_call_output', run.endedAt, functionOutputDump(run)),
    ]),
  ]
  return items.sort((a, b) => a.createdAt - b.createdAt)
}

/** `session.history.to_dict(exclude_timestamp=...)` */
export function chatHistory(messages: Message[], withTimestamps: boolean): JsonObject {
  const items = historyItems(messages).map(({ item }) =>
    withTimestamps
      ? item
      : Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'created_at')),
  )
  return { items }
}
