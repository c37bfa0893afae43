import type { CallHistory, ChatItem, ChatMessage, EgressRecording, WordTimings } from '../call'
import { speakingTimes } from '../speaking-times'
import { messageText, versionAtLeast } from '../text'
import type { Lane, PlacedItem, PlacedWord, RecordingAnchor, Timeline } from '../timeline'
import type { AudioFacts } from './anchor'
import { recordingAnchor } from './anchor'
import { estimateWords } from './estimate-words'
import type { MarkerPlacement } from './markers'
import { markerFallback, markerText } from './markers'
import { matchSegments } from './match-segments'
import type { Span } from './message-spans'
import { assistantSpans, estimatedAgentDuration, userSpans } from './message-spans'
import type { VadSegment } from './vad-segments'
import { vadSegments } from './vad-segments'
import type { WallWord } from './wall-words'
import { calibrateStt, wallWords } from './wall-words'

export interface CallInputs {
  history: CallHistory
  timings?: WordTimings
  egress?: EgressRecording
  audio?: AudioFacts
}

type SpokenMessage = ChatMessage & { role: 'user' | 'assistant' }

function isSpoken(item: ChatItem): item is SpokenMessage {
  return item.type === 'message' && (item.role === 'user' || item.role === 'assistant')
}

/** Places every history item on the recording (formats.md §9). */
export function placeCall(inputs: CallInputs): Timeline {
  const { history, egress, audio = {} } = inputs
  const anchor = recordingAnchor(history, egress, audio)
  const timeline = placeOn(inputs, anchor)
  if (anchor.t0Source !== 'earliest_timestamp') return timeline
  // A guessed start must hold the whole call: a message placed from its created_at can start
  // before the earliest timestamp, and a negative position is the guess's fault, not the data's.
  let earliest = 0
  for (const item of timeline.items) earliest = Math.min(earliest, item.start)
  for (const segment of timeline.vad) earliest = Math.min(earliest, segment.start)
  if (earliest >= 0) return timeline
  return placeOn(inputs, { ...anchor, t0Unix: anchor.t0Unix + earliest - GUESS_MARGIN_S })
}

/** Silence left before the first message when the recording start is guessed. */
const GUESS_MARGIN_S = 0.5

/** What a placement reads of the history and its word timings alone, whatever the recording. */
interface MessageFacts {
  timings: WordTimings | undefined
  wall: Map<string, WallWord[]>
  vad: VadSegment[]
  spans: Map<string, Span[]>
}

const factsOf = new WeakMap<CallHistory, MessageFacts>()

/**
 * The message spans and wall-clock words of a history with its timings, found once per pair:
 * the recording's arrival places the call again on another anchor, and these are most of an
 * hour's placement. A caller can also find them a task ahead of `placeCall`.
 */
export function messageFacts(history: CallHistory, timings?: WordTimings): MessageFacts {
  const known = factsOf.get(history)
  if (known && known.timings === timings) return known
  const spoken = history.items.filter(isSpoken)
  const wall = wallClockWords(history, spoken, timings)
  const vad = vadSegments(history)
  const facts = { timings, wall, vad, spans: messageSpans(history, spoken, wall, vad) }
  factsOf.set(history, facts)
  return facts
}

function placeOn({ history, timings }: CallInputs, anchor: RecordingAnchor): Timeline {
  const { wall, vad, spans } = messageFacts(history, timings)
  const placed: PlacedItem[] = []
  const placedById = new Map<string, PlacedItem>()
  const calls = new Map<string, MarkerPlacement>()
  for (const item of history.items) {
    const previous = placed.at(-1)
    const next = isSpoken(item)
      ? placeMessage(item, spans.get(item.id) ?? [], wall.get(item.id) ?? [], anchor, previous)
      : placeMarker(item, anchor, placedById, calls, previous)
    if (item.type === 'function_call') calls.set(item.call_id, next)
    placed.push(next)
    placedById.set(item.id, next)
  }
  addLatencies(placed)
  const toFile = fileClock(anchor, 'user')
  const vadInFile = vad.map((s) => ({ start: toFile(s.start), end: toFile(s.end) }))
  return { anchor, items: sortByStart(placed), vad: vadInFile }
}

function wallClockWords(
  history: CallHistory,
  spoken: readonly SpokenMessage[],
  timings: WordTimings | undefined,
): Map<string, WallWord[]> {
  const segments = matchSegments(spoken, timings?.segments ?? [])
  const pairs = spoken.flatMap((m) => {
    const stt = segments
      .get(m.id)
      ?.find((s) => s.timeBase === 'stt_stream' && s.firstAudioAt === undefined)
    const firstWordStart = stt?.words[0]?.start_time
    const startedSpeakingAt = m.metrics.started_speaking_at
    return firstWordStart !== undefined && startedSpeakingAt !== undefined
      ? [{ startedSpeakingAt, firstWordStart }]
      : []
  })
  const stt = calibrateStt(pairs, history.recordingStartedAt)
  const out = new Map<string, WallWord[]>()
  for (const message of spoken) {
    const words = wallWords(message, segments.get(message.id) ?? [], stt)
    if (words.length > 0) out.set(message.id, words)
  }
  return out
}

function messageSpans(
  history: CallHistory,
  spoken: readonly SpokenMessage[],
  wall: ReadonlyMap<string, WallWord[]>,
  vad: readonly VadSegment[],
): Map<string, Span[]> {
  const spans = new Map<string, Span[]>()
  const chosen = (id: string) => spans.get(id)?.[0]
  const vadEnds = Float64Array.from(vad, (s) => s.end)
  const realtime = realtimeKind(history, spoken)
  const agentStarts = Float64Array.from(
    spoken.flatMap((m) => {
      const started = m.role === 'assistant' ? speakingTimes(m.metrics)?.started : undefined
      return started === undefined ? [] : [started]
    }),
  ).sort()
  let previousUserEnd = Number.NEGATIVE_INFINITY
  for (const message of spoken.filter((m) => m.role === 'user')) {
    const words = wall.get(message.id) ?? []
    const ctx = {
      text: messageText(message),
      words,
      wordsAnchored: !words.some((w) => w.calibrated),
      vad,
      vadEnds,
      previousUserEnd,
      agentStarts,
      ...(realtime ? { realtime } : {}),
    }
    const candidates = userSpans(message, ctx)
    spans.set(message.id, candidates)
    previousUserEnd = candidates[0]?.end ?? previousUserEnd
  }
  const nextUser = nextUserIndex(spoken)
  let before: SpokenMessage | undefined
  spoken.forEach((message, index) => {
    if (message.role === 'user') {
      before = message
      return
    }
    const after = spoken[nextUser[index] ?? -1]
    const candidates = assistantSpans(message, {
      text: messageText(message),
      words: wall.get(message.id) ?? [],
      events: history.events,
      previousUserEnd: before && chosen(before.id)?.end,
      nextUserStart: after && chosen(after.id)?.start,
    })
    spans.set(message.id, candidates)
  })
  return spans
}

/**
 * A realtime model shows as `provider_request_ids` on the agent's metrics. Its user `created_at`
 * is the turn start from Python 1.6.8 (and in Node); before, it may come after the reply.
 */
function realtimeKind(
  history: CallHistory,
  spoken: readonly SpokenMessage[],
): 'turn_start' | 'late' | undefined {
  const realtime = spoken.some((m) => m.role === 'assistant' && 'provider_request_ids' in m.metrics)
  if (!realtime) return undefined
  return history.sdk === 'node' || versionAtLeast(history.sdkVersion, '1.6.8')
    ? 'turn_start'
    : 'late'
}

/** For each message, the index of the first user message after it (-1 when none). */
function nextUserIndex(spoken: readonly SpokenMessage[]): Int32Array {
  const next = new Int32Array(spoken.length).fill(-1)
  let upcoming = -1
  for (let i = spoken.length - 1; i >= 0; i--) {
    next[i] = upcoming
    if (spoken[i]?.role === 'user') upcoming = i
  }
  return next
}

function placeMessage(
  message: SpokenMessage,
  candidates: readonly Span[],
  wall: readonly WallWord[],
  anchor: RecordingAnchor,
  previous: PlacedItem | undefined,
): PlacedItem {
  const lane: Lane = message.role === 'user' ? 'user' : 'agent'
  const text = messageText(message)
  const toFile = fileClock(anchor, lane)
  const [span, ...others] = candidates
  const start = span ? toFile(span.start) : (previous?.end ?? previous?.start ?? 0)
  const end = span ? toFile(span.end) : start + estimatedAgentDuration(text)
  const timed: PlacedWord[] = wall.map((w) => ({
    text: w.text,
    start: toFile(w.start),
    end: toFile(w.end),
    heard: w.heard,
  }))
  return {
    id: message.id,
    type: 'message',
    role: message.role,
    lane,
    text,
    interrupted: message.interrupted,
    start,
    end,
    basis: span?.basis ?? 'estimate',
    words: timed.length > 0 ? timed : estimateWords(text, start, end),
    wordsEstimated: timed.length === 0,
    wordsSource: timed.length === 0 ? 'estimated' : 'captured',
    alternatives: span ? others.map((o) => ({ basis: o.basis, delta: o.start - span.start })) : [],
    source: message,
  }
}

function placeMarker(
  item: ChatItem,
  anchor: RecordingAnchor,
  placedById: ReadonlyMap<string, PlacedItem>,
  calls: ReadonlyMap<string, MarkerPlacement>,
  previous: PlacedItem | undefined,
): PlacedItem {
  const at: MarkerPlacement =
    item.created_at !== undefined
      ? { start: fileClock(anchor, 'marker')(item.created_at), basis: 'created_at' }
      : markerFallback(item, placedById, calls, previous)
  const placed: PlacedItem = {
    id: item.id,
    type: item.type,
    lane: 'marker',
    text: markerText(item),
    interrupted: false,
    start: at.start,
    end: null,
    basis: at.basis,
    words: [],
    wordsEstimated: false,
    wordsSource: 'estimated',
    alternatives: [],
    source: item,
  }
  if (item.type === 'message') placed.role = item.role
  if (item.type === 'function_call' || item.type === 'function_call_output') {
    placed.name = item.name
    placed.callId = item.call_id
  }
  return placed
}

function fileClock(anchor: RecordingAnchor, lane: Lane): (wall: number) => number {
  const shift = -anchor.t0Unix + (lane === 'agent' ? anchor.agentBias : 0)
  return (wall) => wall + shift
}

/**
 * Reply latency: metrics `e2e_latency` when present, else measured from the user turn just before.
 * A reply that follows other agent speech (a tool-reply step) gets none, as in the SDK.
 */
function addLatencies(itemsInHistoryOrder: PlacedItem[]) {
  let lastUser: PlacedItem | undefined
  for (const item of itemsInHistoryOrder) {
    if (item.lane === 'user') lastUser = item
    if (item.lane !== 'agent' || item.source.type !== 'message') continue
    const e2e = item.source.metrics.e2e_latency
    if (e2e !== undefined) item.latency = e2e
    else if (lastUser?.end != null && item.start > lastUser.end)
      item.latency = item.start - lastUser.end
    lastUser = undefined
  }
}

function sortByStart(items: PlacedItem[]): PlacedItem[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => a.item.start - b.item.start || a.order - b.order)
    .map(({ item }) => item)
}
