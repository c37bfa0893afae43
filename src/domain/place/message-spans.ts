import type { AgentEvent, ChatMessage } from '../call'
import { lastStartAtOrBefore } from '../find-active'
import { speakingTimes } from '../speaking-times'
import { splitWords } from '../text'
import type { Basis } from '../timeline'
import type { VadSegment } from './vad-segments'
import type { WallWord } from './wall-words'

/** A message's span on the agent-host clock (epoch seconds). */
export interface Span {
  start: number
  end: number
  basis: Basis
}

const AGENT_CHARS_PER_S = 15
const USER_WORDS_PER_S = 2.5
/** formats.md §9.3 assistant step 4: LLM + TTS latency still ahead of `created_at`. */
const PIPELINE_LATENCY_S = 0.6
const DEFAULT_END_OF_TURN_S = 0.5

export function estimatedAgentDuration(text: string): number {
  return Math.max(0.4, text.length / AGENT_CHARS_PER_S)
}

function estimatedUserDuration(text: string): number {
  return Math.max(0.4, splitWords(text).length / USER_WORDS_PER_S)
}

function metricSpan(
  message: ChatMessage,
  words: readonly WallWord[],
  duration: number,
): Span | undefined {
  const times = speakingTimes(message.metrics)
  if (!times) return undefined
  const { started, stopped } = times
  if (stopped !== undefined) return { start: started, end: stopped, basis: 'metrics' }
  const lastHeard = words.filter((w) => w.heard).at(-1)
  return { start: started, end: lastHeard?.end ?? started + duration, basis: 'metrics' }
}

function wordSpan(words: readonly WallWord[]): Span | undefined {
  const heard = words.filter((w) => w.heard)
  const first = heard[0]
  const last = heard.at(-1)
  if (!first || !last) return undefined
  return { start: first.start, end: last.end, basis: 'words' }
}

export interface UserContext {
  text: string
  words: readonly WallWord[]
  /** The STT words were placed by `first_audio_at`, not by a per-call calibration. */
  wordsAnchored: boolean
  vad: readonly VadSegment[]
  /** `vad` ends, ascending, for binary search. */
  vadEnds: Float64Array
  /** End of the previous user turn, epoch seconds. */
  previousUserEnd: number
  /** How `created_at` relates to the turn in a realtime session (formats.md §1.4). */
  realtime?: 'turn_start' | 'late'
  /** Agent speech starts, ascending, epoch seconds: a late realtime turn ends before its reply. */
  agentStarts: Float64Array
}

function present(spans: (Span | undefined)[]): Span[] {
  return spans.filter((s): s is Span => s !== undefined)
}

/**
 * formats.md §9.3, user message: every source that can place it, best first. The first one
 * places the message; the others show where they disagree.
 */
export function userSpans(message: ChatMessage, ctx: UserContext): Span[] {
  const duration = estimatedUserDuration(ctx.text)
  const byWords = wordSpan(ctx.words)
  return present([
    metricSpan(message, ctx.words, duration),
    ctx.wordsAnchored ? byWords : undefined,
    vadSpan(message.created_at, ctx),
    ctx.wordsAnchored ? undefined : byWords,
    createdAtSpan(message, duration, ctx),
  ])
}

/**
 * formats.md §9.3 user step 4: `created_at` is when the transcript was final, so the speech ended
 * an end-of-turn delay earlier; realtime ≥ 1.6.8 stamps the turn start instead, and older
 * realtime turns can be stamped after the reply, so they are clamped before it.
 */
function createdAtSpan(message: ChatMessage, duration: number, ctx: UserContext): Span | undefined {
  const created = message.created_at
  if (created === undefined) return undefined
  if (ctx.realtime === 'turn_start')
    return { start: created, end: created + duration, basis: 'created_at' }
  const { end_of_turn_delay: eot, transcription_delay: transcription } = message.metrics
  let end = created - (eot ?? transcription ?? DEFAULT_END_OF_TURN_S)
  if (ctx.realtime === 'late') {
    // Only a reply that starts inside the estimated turn shows the stamp came after it.
    const reply = ctx.agentStarts[lastStartAtOrBefore(ctx.agentStarts, end)]
    if (reply !== undefined && reply > ctx.previousUserEnd && reply > end - duration) end = reply
  }
  return { start: end - duration, end, basis: 'created_at' }
}

/** A pause longer than this between VAD segments separates a backchannel from the turn. */
const MAX_PAUSE_IN_TURN_S = 2

/**
 * formats.md §9.3 user step 3: the VAD segments since the previous turn, up to `created_at`,
 * keeping only the run that leads into the turn (not an earlier "mm-hmm" over the agent).
 */
function vadSpan(created: number | undefined, ctx: UserContext): Span | undefined {
  if (created === undefined) return undefined
  if (ctx.realtime === 'turn_start') return vadSpanFrom(created, ctx)
  // VAD segments do not overlap, so their ends ascend: binary search both bounds.
  const from = lastStartAtOrBefore(ctx.vadEnds, ctx.previousUserEnd) + 1
  let to = lastStartAtOrBefore(ctx.vadEnds, created)
  const last = ctx.vad[to]
  if (to < from || !last) return undefined
  let first = last
  for (to--; to >= from; to--) {
    const segment = ctx.vad[to]
    if (!segment || first.start - segment.end > MAX_PAUSE_IN_TURN_S) break
    first = segment
  }
  return { start: first.start, end: last.end, basis: 'user_state' }
}

/** Realtime ≥ 1.6.8 stamps the turn start: the run of VAD segments that begins there. */
function vadSpanFrom(created: number, ctx: UserContext): Span | undefined {
  const TOLERANCE_S = 0.25
  let at = lastStartAtOrBefore(ctx.vadEnds, created - TOLERANCE_S) + 1
  const first = ctx.vad[at]
  if (!first || first.start > created + TOLERANCE_S) return undefined
  let last = first
  for (at++; at < ctx.vad.length; at++) {
    const segment = ctx.vad[at]
    if (!segment || segment.start - last.end > MAX_PAUSE_IN_TURN_S) break
    last = segment
  }
  return { start: first.start, end: last.end, basis: 'user_state' }
}

export interface AssistantContext {
  text: string
  words: readonly WallWord[]
  events: readonly AgentEvent[]
  /** `stopped_speaking_at` (or placed end) of the user turn this replies to. */
  previousUserEnd?: number
  /** Start of the next user turn, which caps an estimated end. */
  nextUserStart?: number
}

/** formats.md §9.3, assistant message: every source that can place it, best first. */
export function assistantSpans(message: ChatMessage, ctx: AssistantContext): Span[] {
  const duration = estimatedAgentDuration(ctx.text)
  const estimates = estimatedStarts(message, ctx, duration).map(({ at, basis }): Span => {
    const cap =
      ctx.nextUserStart !== undefined && ctx.nextUserStart > at ? ctx.nextUserStart : Infinity
    return { start: at, end: Math.min(at + duration, cap), basis }
  })
  return present([metricSpan(message, ctx.words, duration), wordSpan(ctx.words), ...estimates])
}

function estimatedStarts(
  message: ChatMessage,
  ctx: AssistantContext,
  duration: number,
): { at: number; basis: Basis }[] {
  const { e2e_latency: e2e, provider_request_ids: realtime } = message.metrics as {
    e2e_latency?: number
    provider_request_ids?: unknown
  }
  const created = message.created_at
  if (created !== undefined && realtime !== undefined) return [{ at: created, basis: 'created_at' }]
  const starts: { at: number; basis: Basis }[] = []
  const say = created !== undefined && isSay(message, ctx.events, duration)
  if (say) starts.push({ at: created - duration, basis: 'created_at_end' })
  if (e2e !== undefined && ctx.previousUserEnd !== undefined)
    starts.push({ at: ctx.previousUserEnd + e2e, basis: 'e2e_latency' })
  if (created !== undefined && !say)
    starts.push({ at: created + PIPELINE_LATENCY_S, basis: 'created_at' })
  return starts
}

/**
 * `session.say()` messages get `created_at` after playout (formats.md §1.4). They show as TTS
 * metrics without LLM ones, or a `speech_created{source:"say"}` event shortly before.
 */
function isSay(message: ChatMessage, events: readonly AgentEvent[], duration: number): boolean {
  const m = message.metrics as Record<string, unknown>
  if ('tts_node_ttfb' in m && !('llm_node_ttft' in m) && !('llm_metadata' in m)) return true
  const created = message.created_at
  if (created === undefined) return false
  const windowStart = created - duration - 3
  const recent = events.filter(
    (e) => e.type === 'speech_created' && e.created_at >= windowStart && e.created_at <= created,
  )
  return recent.at(-1)?.source === 'say'
}
