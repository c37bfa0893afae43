import type { CallHistory, EgressRecording } from './call'
import type { Timeline } from './timeline'

/** One reason to believe two inputs belong to different calls, naming the file that disagrees. */
export interface CallMismatch {
  /** Which input disagrees with the history: it is the one the reviewer may set aside. */
  input: 'egress' | 'audio'
  file: string
  reason: string
}

/** An Egress file starts at most this far outside the history's span (queueing, long calls). */
const EGRESS_SLACK_S = 3600
/** Share of the spoken messages that must fall past the recording's end to call it another call. */
const MOST = 0.5
const PAST_END_SLACK_S = 5

function historySpan(history: CallHistory): { first: number; last: number } | undefined {
  let first = Infinity
  let last = -Infinity
  const see = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return
    first = Math.min(first, t)
    last = Math.max(last, t)
  }
  for (const item of history.items) {
    see(item.created_at)
    if (item.type === 'message') {
      see(item.metrics.started_speaking_at)
      see(item.metrics.stopped_speaking_at)
    }
  }
  for (const event of history.events) see(event.created_at)
  see(history.recordingStartedAt)
  return Number.isFinite(first) ? { first, last } : undefined
}

function distance(seconds: number): string {
  const abs = Math.abs(seconds)
  if (abs >= 2 * 86_400) return `${Math.round(abs / 86_400)} days`
  if (abs >= 2 * 3600) return `${Math.round(abs / 3600)} hours`
  return `${Math.round(abs / 60)} minutes`
}

/**
 * Data checks across inputs (issue 6): an Egress file whose time span is far from the history's,
 * an Egress room other than the report's, a recording that most messages fall after.
 */
export function callMismatches(
  history: CallHistory,
  timeline: Timeline,
  egress: EgressRecording | undefined,
  audio: { name: string; duration?: number } | undefined,
): CallMismatch[] {
  const found: CallMismatch[] = []
  const span = historySpan(history)
  if (egress?.fileStartedAt !== undefined && span) {
    const start = egress.fileStartedAt
    const gap = start < span.first ? span.first - start : start - span.last
    if (gap > EGRESS_SLACK_S) {
      const when = start < span.first ? 'before' : 'after'
      const reason = `the Egress file started ${distance(gap)} ${when} the history`
      found.push({ input: 'egress', file: egress.file, reason })
    }
  }
  if (
    egress?.roomName !== undefined &&
    history.room !== undefined &&
    egress.roomName !== history.room
  ) {
    const reason = `the Egress file recorded room "${egress.roomName}", the report is of room "${history.room}"`
    found.push({ input: 'egress', file: egress.file, reason })
  }
  // An Egress file from elsewhere also throws every message off the recording: one cause, one line.
  if (audio?.duration !== undefined && found.length === 0) {
    const spoken = timeline.items.filter((i) => i.lane !== 'marker' && i.end !== null)
    const past = spoken.filter((i) => i.start > (audio.duration ?? 0) + PAST_END_SLACK_S).length
    if (spoken.length > 0 && past / spoken.length > MOST) {
      const reason = `${past} of ${spoken.length} messages fall after the end of the ${audio.duration.toFixed(1)} s recording`
      found.push({ input: 'audio', file: audio.name, reason })
    }
  }
  return found
}
