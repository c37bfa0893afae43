// Provider usage: a few cumulative `session_usage_updated` snapshots (the real SDK emits one per
// metrics event; like the fixture, only some are kept) and the final top-level `usage` list.

import type { JsonObject } from './chat-items.js'
import type { AssistantMessage, Message } from './timeline.js'
import { RECORDING_T0_US, sec, toSeconds, type Micros } from './time.js'

/** [input, cached input, output] tokens of each LLM generation, in call order. */
const GENERATION_TOKENS: [number, number, number][] = [
  [612, 0, 21],
  [1190, 0, 27],
  [1744, 1024, 39],
  [2236, 1536, 41],
  [2810, 2048, 33],
  [3318, 2560, 26],
  [3795, 3072, 10],
]

function assistants(messages: Message[]): AssistantMessage[] {
  return messages.filter((message): message is AssistantMessage => message.role === 'assistant')
}

/** Start of every LLM generation: each assistant message, plus each tool-only step. */
function generationStarts(messages: Message[]): Micros[] {
  return assistants(messages)
    .flatMap((message) => [message.toolOnlyStep?.startedAt, message.createdAt])
    .filter((at): at is Micros => at !== undefined)
    .sort((a, b) => a - b)
}

function modelUsage(messages: Message[], at: Micros): JsonObject[] {
  const generations = generationStarts(messages).filter((start) => start < at).length
  const tokens = GENERATION_TOKENS.slice(0, generations)
  const sum = (column: 0 | 1 | 2) => tokens.reduce((total, row) => total + row[column], 0)
  const spoken = assistants(messages).filter((message) => message.startedAt < at)
  const characters = spoken.reduce((total, message) => total + message.turn.text.length, 0)
  const synthesized = spoken.reduce((total, message) => {
    const { words } = message.placed
    return total + ((words.at(-1)?.end ?? 0) - (words[0]?.start ?? 0))
  }, 0)
  const zeros = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, 0]))
  return [
    {
      type: 'llm_usage',
      provider: 'api.openai.com',
      model: 'gpt-4.1-mini',
      input_tokens: sum(0),
      input_cached_tokens: sum(1),
      ...zeros(['input_cache_creation_tokens', 'input_audio_tokens', 'input_cached_audio_tokens']),
      ...zeros(['input_text_tokens', 'input_cached_text_tokens', 'input_image_tokens']),
      ...zeros(['input_cached_image_tokens']),
      output_tokens: sum(2),
      ...zeros(['output_audio_tokens', 'output_text_tokens']),
      session_duration: 0,
    },
    {
      type: 'tts_usage',
      provider: 'Cartesia',
      model: 'sonic-3',
      ...zeros(['input_tokens', 'output_tokens']),
      characters_count: characters,
      audio_duration: Math.round(toSeconds(synthesized) * 100) / 100,
    },
    {
      type: 'stt_usage',
      provider: 'Deepgram',
      model: 'nova-3',
      ...zeros(['input_tokens', 'output_tokens']),
      audio_duration: Math.round(toSeconds(at - RECORDING_T0_US) * 10) / 10,
    },
  ]
}

export function usageSnapshots(messages: Message[]): { at: Micros; usage: JsonObject }[] {
  const list = assistants(messages)
  const points = [
    (list[0]?.startedAt ?? 0) + sec(0.0301),
    (list[1]?.stoppedAt ?? 0) + sec(0.0392),
    (list[3]?.stoppedAt ?? 0) + sec(0.0388),
    (list.at(-1)?.stoppedAt ?? 0) + sec(0.0383),
  ]
  return points.map((at) => ({ at, usage: { model_usage: modelUsage(messages, at) } }))
}

/** Top-level `usage`: `model_dump(exclude_defaults=True)`, so no `type` and no zero fields. */
export function finalUsage(messages: Message[], at: Micros): JsonObject[] {
  return modelUsage(messages, at).map((entry) =>
    Object.fromEntries(
      Object.entries(entry).filter(([key, value]) => key !== 'type' && value !== 0),
    ),
  )
}
