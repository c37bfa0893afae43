import type { PlacedItem } from '../timeline'
import { heardLatencies } from './heard-latency'
import type { ReplyLatency } from './latency-breakdown'
import { replyLatency } from './latency-breakdown'

/** Every agent reply's latency and its parts, by reply id, from a corrected timeline. */
export function replyLatencies(items: readonly PlacedItem[]): Map<string, ReplyLatency> {
  const heard = heardLatencies(items)
  const byId = new Map(items.map((i) => [i.id, i]))
  const out = new Map<string, ReplyLatency>()
  for (const item of items) {
    if (item.lane !== 'agent' || item.source.type !== 'message') continue
    const reply = heard.get(item.id)
    if (!reply && item.source.metrics.e2e_latency === undefined) continue
    const answered = reply ? byId.get(reply.userId) : undefined
    out.set(item.id, replyLatency(item, answered, reply?.seconds))
  }
  return out
}
