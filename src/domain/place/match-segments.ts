import type { ChatMessage, TimedSegment } from '../call'
import { messageText, wordOverlap } from '../text'

const SAME_ANCHOR_S = 0.001
const MIN_TEXT_OVERLAP = 0.5

/**
 * formats.md §4.6 join keys, in order: `message_id`, then `anchor_unix` equal to
 * `metrics.started_speaking_at`, then text (and order) proximity.
 */
export function matchSegments(
  messages: readonly ChatMessage[],
  segments: readonly TimedSegment[],
): Map<string, TimedSegment[]> {
  const byMessage = new Map<string, TimedSegment[]>()
  const ids = new Set(messages.map((m) => m.id))
  const add = (id: string, segment: TimedSegment) => {
    const list = byMessage.get(id) ?? []
    list.push(segment)
    byMessage.set(id, list)
  }
  const unmatched: TimedSegment[] = []
  for (const segment of segments) {
    if (segment.messageId !== undefined && ids.has(segment.messageId))
      add(segment.messageId, segment)
    else unmatched.push(segment)
  }
  const leftover = unmatched.filter((segment) => {
    const byAnchor = messages.find(
      (m) =>
        m.role === segment.role &&
        segment.anchorUnix !== undefined &&
        m.metrics.started_speaking_at !== undefined &&
        Math.abs(m.metrics.started_speaking_at - segment.anchorUnix) <= SAME_ANCHOR_S,
    )
    if (byAnchor) add(byAnchor.id, segment)
    return !byAnchor
  })
  matchByText(messages, leftover, byMessage, add)
  for (const list of byMessage.values()) list.sort((a, b) => a.segmentIndex - b.segmentIndex)
  return byMessage
}

/** Walks segments and messages in order, so repeated phrases match their own turn. */
function matchByText(
  messages: readonly ChatMessage[],
  segments: readonly TimedSegment[],
  taken: Map<string, TimedSegment[]>,
  add: (id: string, segment: TimedSegment) => void,
) {
  let from = 0
  for (const segment of segments) {
    const segmentText = segment.words.map((w) => w.text).join(' ')
    for (let i = from; i < messages.length; i++) {
      const message = messages[i]
      if (!message || message.role !== segment.role || taken.has(message.id)) continue
      if (wordOverlap(segmentText, messageText(message)) >= MIN_TEXT_OVERLAP) {
        add(message.id, segment)
        from = i + 1
        break
      }
    }
  }
}
