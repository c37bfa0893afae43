import { z } from 'zod'
import { epochSeconds, optional, seconds } from './zod-helpers'

/** formats.md §1.3: every key optional, times in seconds, epochs normalized to seconds. */
export const metricsSchema = z.looseObject({
  started_speaking_at: optional(epochSeconds),
  stopped_speaking_at: optional(epochSeconds),
  transcription_delay: optional(seconds),
  end_of_turn_delay: optional(seconds),
  on_user_turn_completed_delay: optional(seconds),
  llm_node_ttft: optional(seconds),
  llm_node_tps: optional(z.number()),
  llm_node_ttfs: optional(seconds),
  tts_node_ttfb: optional(seconds),
  playback_latency: optional(seconds),
  e2e_latency: optional(seconds),
})

const contentPart = z.union([z.string(), z.looseObject({ type: optional(z.string()) })])

const base = {
  id: z.string().min(1),
  created_at: optional(epochSeconds),
}

export const messageSchema = z.looseObject({
  ...base,
  type: z.literal('message'),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.array(contentPart),
  interrupted: optional(z.boolean()).transform((v) => v ?? false),
  transcript_confidence: optional(z.number()),
  extra: optional(z.record(z.string(), z.unknown())),
  metrics: z.preprocess((m) => m ?? {}, metricsSchema),
})

export const functionCallSchema = z.looseObject({
  ...base,
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  arguments: optional(z.string()).transform((v) => v ?? ''),
  group_id: optional(z.string()),
})

export const functionCallOutputSchema = z.looseObject({
  ...base,
  type: z.literal('function_call_output'),
  call_id: z.string(),
  name: optional(z.string()).transform((v) => v ?? ''),
  output: optional(z.string()).transform((v) => v ?? ''),
  is_error: optional(z.boolean()).transform((v) => v ?? false),
})

export const agentHandoffSchema = z.looseObject({
  ...base,
  type: z.literal('agent_handoff'),
  old_agent_id: optional(z.string()),
  new_agent_id: z.string(),
})

const instructions = z.union([z.string(), z.looseObject({ text: optional(z.string()) })])

export const agentConfigUpdateSchema = z.looseObject({
  ...base,
  type: z.literal('agent_config_update'),
  instructions: optional(instructions),
  tools_added: optional(z.array(z.string())),
  tools_removed: optional(z.array(z.string())),
})

export const chatItemSchema = z.discriminatedUnion('type', [
  messageSchema,
  functionCallSchema,
  functionCallOutputSchema,
  agentHandoffSchema,
  agentConfigUpdateSchema,
])

export const CHAT_ITEM_TYPES = [
  'message',
  'function_call',
  'function_call_output',
  'agent_handoff',
  'agent_config_update',
] as const

export type ChatItem = z.infer<typeof chatItemSchema>
export type ChatMessage = z.infer<typeof messageSchema>
export type FunctionCall = z.infer<typeof functionCallSchema>
export type FunctionCallOutput = z.infer<typeof functionCallOutputSchema>
export type Metrics = z.infer<typeof metricsSchema>
