import type { TalkOver } from '../talk-over'
import type { PlacedItem } from '../timeline'
import type { ReplyLatency } from './latency-breakdown'

export interface LatencyStats {
  count: number
  p50: number
  p95: number
  max: number
  /** The reply with the longest heard latency. */
  maxId: string
}

/** The call at a glance, from the corrected timeline. */
export interface CallStats {
  /** Seconds: the recording's length, else the end of the last item. */
  duration: number
  userTurns: number
  agentTurns: number
  heard?: LatencyStats
  interruptions: number
  talkOverSeconds: number
  toolCalls: number
  toolErrors: number
  warnings: number
}

/** Nearest-rank percentile of ascending values (`p` in 0..1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)))
  return sorted[rank - 1] ?? NaN
}

function latencyStats(latencies: ReadonlyMap<string, ReplyLatency>): LatencyStats | undefined {
  const heard = [...latencies.values()].filter(
    (l): l is ReplyLatency & { heard: number } => l.heard !== undefined,
  )
  if (heard.length === 0) return undefined
  const sorted = heard.map((l) => l.heard).sort((a, b) => a - b)
  const slowest = heard.reduce((a, b) => (b.heard > a.heard ? b : a))
  return {
    count: heard.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: slowest.heard,
    maxId: slowest.replyId,
  }
}

/** Talk-over intervals can overlap each other (two user turns over one reply): count time once. */
function unionSeconds(intervals: readonly TalkOver[]): number {
  let total = 0
  let reach = -Infinity
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    if (end <= reach) continue
    total += end - Math.max(start, reach)
    reach = end
  }
  return Math.round(total * 1e6) / 1e6
}

export function callStats(
  items: readonly PlacedItem[],
  latencies: ReadonlyMap<string, ReplyLatency>,
  talkOver: readonly TalkOver[],
  warnings: number,
  audioDuration?: number,
): CallStats {
  let lastEnd = 0
  const counts = { userTurns: 0, agentTurns: 0, interruptions: 0, toolCalls: 0, toolErrors: 0 }
  for (const item of items) {
    lastEnd = Math.max(lastEnd, item.end ?? item.start)
    if (item.type === 'message' && item.lane === 'user') counts.userTurns++
    if (item.type === 'message' && item.lane === 'agent') counts.agentTurns++
    if (item.interrupted) counts.interruptions++
    if (item.type === 'function_call') counts.toolCalls++
    if (item.source.type === 'function_call_output' && item.source.is_error) counts.toolErrors++
  }
  const heard = latencyStats(latencies)
  return {
    duration: audioDuration ?? lastEnd,
    ...counts,
    ...(heard ? { heard } : {}),
    talkOverSeconds: unionSeconds(talkOver),
    warnings,
  }
}
