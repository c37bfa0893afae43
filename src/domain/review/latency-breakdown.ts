// The mini build: this module is in the app's first chunk, which the page waits for.
import * as z from 'zod/mini'
import type { PlacedItem } from '../timeline'

export type LatencyPartKey = 'transcription' | 'end_of_turn' | 'llm' | 'tts' | 'rest'

export interface LatencyPart {
  key: LatencyPartKey
  label: string
  /** Seconds; never negative. */
  seconds: number
}

export interface ModelInfo {
  stage: 'STT' | 'LLM' | 'TTS'
  model?: string
  provider?: string
}

/** Why one reply took as long as it did (formats.md §1.3). */
export interface ReplyLatency {
  replyId: string
  userId?: string
  /** Heard in the corrected recording: user speech end → agent speech start. */
  heard?: number
  /** The report's `e2e_latency`. */
  reported?: number
  /** In pipeline order; the parts the report has, then what they leave unexplained. */
  parts: LatencyPart[]
  /**
   * The measured parts add up to more than the total: stages overlapped (preemptive generation
   * starts the LLM before the end of turn), so the bar shows them end to end and no rest.
   */
  overlapping: boolean
  models: ModelInfo[]
}

export const PART_LABEL: Record<LatencyPartKey, string> = {
  transcription: 'transcription',
  end_of_turn: 'end of turn',
  llm: 'LLM first token',
  tts: 'TTS first byte',
  rest: 'the rest',
}

const metadataSchema = z.object({
  model_name: z.optional(z.string()),
  model_provider: z.optional(z.string()),
})

/** A malformed value reads as missing. Zod's numbers are finite. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)
const delay = () => lenient(z.number().check(z.nonnegative()))

const delaysSchema = z.object({
  transcription_delay: delay(),
  end_of_turn_delay: delay(),
  llm_node_ttft: delay(),
  tts_node_ttfb: delay(),
  e2e_latency: lenient(z.number()),
  llm_metadata: lenient(metadataSchema),
  tts_metadata: lenient(metadataSchema),
  stt_metadata: lenient(metadataSchema),
})

type Delays = z.infer<typeof delaysSchema>

/** A correction copies the placed item but keeps its source: parse each source's metrics once. */
const delaysCache = new WeakMap<object, Delays>()

/** Metrics of a message, read leniently: a malformed value counts as missing. */
function delaysOf(item: PlacedItem | undefined): Delays {
  if (item?.source.type !== 'message') return {}
  const metrics = item.source.metrics
  let delays = delaysCache.get(metrics)
  if (!delays) {
    const parsed = delaysSchema.safeParse(metrics)
    delays = parsed.success ? parsed.data : {}
    delaysCache.set(metrics, delays)
  }
  return delays
}

function modelInfo(stage: ModelInfo['stage'], meta: Delays['llm_metadata']): ModelInfo[] {
  if (!meta || (meta.model_name === undefined && meta.model_provider === undefined)) return []
  return [
    {
      stage,
      ...(meta.model_name !== undefined ? { model: meta.model_name } : {}),
      ...(meta.model_provider !== undefined ? { provider: meta.model_provider } : {}),
    },
  ]
}

const round = (s: number) => Math.round(s * 1e6) / 1e6

/**
 * The parts of one reply's latency. `end_of_turn_delay` already contains the transcription
 * wait (both count from the user's speech end), so the end-of-turn part is only what it adds.
 */
export function replyLatency(
  reply: PlacedItem,
  answered: PlacedItem | undefined,
  heard: number | undefined,
): ReplyLatency {
  const agent = delaysOf(reply)
  const user = delaysOf(answered)
  const parts: LatencyPart[] = []
  const add = (key: LatencyPartKey, seconds: number | undefined) => {
    if (seconds !== undefined) parts.push({ key, label: PART_LABEL[key], seconds: round(seconds) })
  }
  const transcription = user.transcription_delay
  const endOfTurn = user.end_of_turn_delay
  add('transcription', transcription)
  add(
    'end_of_turn',
    endOfTurn === undefined ? undefined : Math.max(0, endOfTurn - (transcription ?? 0)),
  )
  add('llm', agent.llm_node_ttft)
  add('tts', agent.tts_node_ttfb)
  const total = agent.e2e_latency ?? heard
  const explained = parts.reduce((sum, p) => sum + p.seconds, 0)
  // Below a millisecond the difference is rounding in the report, not a stage.
  const overlapping = total !== undefined && parts.length > 0 && explained > total + 0.001
  if (total !== undefined && parts.length > 0 && !overlapping)
    add('rest', Math.max(0, total - explained))
  return {
    replyId: reply.id,
    ...(answered ? { userId: answered.id } : {}),
    ...(heard !== undefined ? { heard } : {}),
    ...(agent.e2e_latency !== undefined ? { reported: agent.e2e_latency } : {}),
    parts,
    overlapping,
    models: [
      ...modelInfo('STT', user.stt_metadata),
      ...modelInfo('LLM', agent.llm_metadata),
      ...modelInfo('TTS', agent.tts_metadata),
    ],
  }
}
