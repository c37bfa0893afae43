import type { CallHistory, ChatMessage, WordTimings } from './call'
import { speakingTimes } from './speaking-times'
import type { Timeline } from './timeline'
import { MEASURED_BASES } from './timeline'

/** Something in the data that looks wrong, for the reviewer to keep in mind. */
export interface DataWarning {
  itemId?: string
  message: string
}

const E2E_TOLERANCE_S = 0.1
const WORDS_PAST_END_S = 0.2
const LENGTH_TOLERANCE_S = 2

const fmt = (s: number) => `${s.toFixed(3)} s`

/** formats.md §9.3 "self-checks", plus checks of the anchor and of the placements. */
export function dataWarnings(
  history: CallHistory,
  timeline: Timeline,
  timings: WordTimings | undefined,
  audioDuration: number | undefined,
): DataWarning[] {
  const warnings: DataWarning[] = []
  const messages = history.items.filter((i): i is ChatMessage => i.type === 'message')
  let previousUser: ChatMessage | undefined
  for (const message of messages) {
    warnings.push(...messageWarnings(message, previousUser))
    if (message.role === 'user') previousUser = message
  }
  warnings.push(...wordWarnings(messages, timings))
  warnings.push(...anchorWarnings(history, timeline, audioDuration))
  warnings.push(...disagreementWarnings(timeline))
  return warnings
}

function messageWarnings(
  message: ChatMessage,
  previousUser: ChatMessage | undefined,
): DataWarning[] {
  const out: DataWarning[] = []
  const {
    started_speaking_at: started,
    stopped_speaking_at: stopped,
    e2e_latency: e2e,
  } = message.metrics
  const itemId = message.id
  if (started !== undefined && stopped !== undefined && stopped <= started)
    out.push({
      itemId,
      message: `stopped speaking ${fmt(started - stopped)} before it started; metrics ignored`,
    })
  if (
    message.role === 'user' &&
    message.created_at !== undefined &&
    stopped !== undefined &&
    message.created_at < stopped
  )
    out.push({
      itemId,
      message: `created ${fmt(stopped - message.created_at)} before the speech ended`,
    })
  const previousStop = validStop(previousUser)
  if (
    message.role === 'assistant' &&
    e2e !== undefined &&
    started !== undefined &&
    previousStop !== undefined
  ) {
    const measured = started - previousStop
    if (Math.abs(measured - e2e) > E2E_TOLERANCE_S)
      out.push({
        itemId,
        message: `e2e_latency says ${fmt(e2e)}, the timestamps say ${fmt(measured)}`,
      })
  }
  return out
}

function validStop(message: ChatMessage | undefined): number | undefined {
  return message && speakingTimes(message.metrics)?.stopped
}

function wordWarnings(
  messages: readonly ChatMessage[],
  timings: WordTimings | undefined,
): DataWarning[] {
  const out: DataWarning[] = []
  const byId = new Map(messages.map((m) => [m.id, m]))
  for (const segment of timings?.segments ?? []) {
    const message = segment.messageId === undefined ? undefined : byId.get(segment.messageId)
    const ends = segment.words.map((w) => w.end_time ?? w.start_time ?? 0)
    if (ends.some((end, i) => i > 0 && end < (ends[i - 1] ?? 0)))
      out.push({ itemId: segment.messageId, message: 'word timings go backwards' })
    const { started_speaking_at: started, stopped_speaking_at: stopped } = message?.metrics ?? {}
    const lastEnd = ends.at(-1)
    if (segment.timeBase !== 'segment_audio' || segment.interrupted || message?.interrupted)
      continue
    if (started === undefined || stopped === undefined || lastEnd === undefined) continue
    if (lastEnd > stopped - started + WORDS_PAST_END_S)
      out.push({
        itemId: segment.messageId,
        message: `words run ${fmt(lastEnd - (stopped - started))} past the end of speech`,
      })
  }
  return out
}

const DISAGREE_S = 0.25

function disagreementWarnings(timeline: Timeline): DataWarning[] {
  const out: DataWarning[] = []
  for (const item of timeline.items) {
    if (!MEASURED_BASES.has(item.basis)) continue
    for (const { basis, delta } of item.alternatives) {
      if (!MEASURED_BASES.has(basis) || Math.abs(delta) <= DISAGREE_S) continue
      const direction = delta > 0 ? 'later' : 'earlier'
      out.push({
        itemId: item.id,
        message: `by ${basis} it starts ${fmt(Math.abs(delta))} ${direction} than by ${item.basis}`,
      })
    }
  }
  return out
}

function anchorWarnings(
  history: CallHistory,
  timeline: Timeline,
  audioDuration: number | undefined,
): DataWarning[] {
  const out: DataWarning[] = []
  const { anchor } = timeline
  if (anchor.estimated)
    out.push({
      message: 'no recording start time in the inputs: t0 is a guess, set the offset by ear',
    })
  if (audioDuration === undefined) return out
  if (anchor.kind === 'agent_ogg' && history.reportTimestamp !== undefined) {
    const expected = history.reportTimestamp - anchor.t0Unix
    if (Math.abs(expected - audioDuration) > LENGTH_TOLERANCE_S)
      out.push({
        message: `the report spans ${fmt(expected)} but the recording is ${fmt(audioDuration)}: the input may have stalled`,
      })
  }
  for (const item of timeline.items) {
    if (item.lane === 'marker') continue
    if (item.start < 0 || item.start > audioDuration)
      out.push({ itemId: item.id, message: `placed at ${fmt(item.start)}, outside the recording` })
  }
  return out
}
