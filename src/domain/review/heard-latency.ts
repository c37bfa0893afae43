import type { PlacedItem } from '../timeline'

/** How long the user waited, in the recording: their speech end → the agent's speech start. */
export interface HeardReply {
  replyId: string
  /** The user turn it answers (the one that ended last before the reply). */
  userId: string
  /** Seconds; negative when the agent started before the user had finished. */
  seconds: number
}

function isSpokenMessage(item: PlacedItem): item is PlacedItem & { end: number } {
  return item.type === 'message' && item.lane !== 'marker' && item.end !== null
}

/**
 * Heard reply latency for every agent message that answers user speech, from a (corrected)
 * timeline sorted by start. An agent message right after other agent speech (a tool-reply step)
 * answers nobody, as in the SDK's `e2e_latency`.
 */
export function heardLatencies(items: readonly PlacedItem[]): Map<string, HeardReply> {
  const replies = new Map<string, HeardReply>()
  let waiting: { id: string; end: number } | undefined
  for (const item of items) {
    if (!isSpokenMessage(item)) continue
    if (item.lane === 'user') {
      if (!waiting || item.end >= waiting.end) waiting = { id: item.id, end: item.end }
      continue
    }
    if (waiting) {
      const seconds = Math.round((item.start - waiting.end) * 1e6) / 1e6
      replies.set(item.id, { replyId: item.id, userId: waiting.id, seconds })
    }
    waiting = undefined
  }
  return replies
}
