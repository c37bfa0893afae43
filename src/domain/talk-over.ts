import { lastStartAtOrBefore } from './find-active'
import type { PlacedItem } from './timeline'

/** Seconds into the recording. */
export interface Interval {
  start: number
  end: number
}

/** Both sides speaking at once: a barge-in, a backchannel over the agent, or the agent cutting in. */
export interface TalkOver extends Interval {
  userId: string
  agentId: string
  /** The user started while the agent was speaking. */
  bargeIn: boolean
}

const MIN_OVERLAP_S = 0.05
/** Within a lane turns rarely overlap, so a few steps back always reach every candidate. */
const LOOK_BACK = 8

/** The user turns, and their starts for a binary search (a plain loop: this runs per key press). */
function userTurns(items: readonly PlacedItem[]) {
  const users: PlacedItem[] = []
  for (const item of items) if (item.lane === 'user' && item.end !== null) users.push(item)
  const userStarts = new Float64Array(users.length)
  users.forEach((u, j) => (userStarts[j] = u.start))
  return { users, userStarts }
}

/** Every user/agent overlap of the (corrected) timeline, by start. */
export function findTalkOver(items: readonly PlacedItem[]): TalkOver[] {
  const { users, userStarts } = userTurns(items)
  const found: TalkOver[] = []
  for (const agent of items) {
    if (agent.lane !== 'agent' || agent.end === null) continue
    const last = lastStartAtOrBefore(userStarts, agent.end)
    for (let j = last; j >= 0 && j > last - LOOK_BACK; j--) {
      const user = users[j]
      if (!user || user.end === null) continue
      const start = Math.max(user.start, agent.start)
      const end = Math.min(user.end, agent.end)
      if (end - start < MIN_OVERLAP_S) continue
      found.push({
        start,
        end,
        userId: user.id,
        agentId: agent.id,
        bargeIn: user.start > agent.start,
      })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** VAD segments that belong to no user turn: backchannels, noise, speech the STT dropped. */
export function speechOutsideTurns(
  vad: readonly Interval[],
  items: readonly PlacedItem[],
): Interval[] {
  const { users, userStarts } = userTurns(items)
  return vad.filter((segment) => {
    const last = lastStartAtOrBefore(userStarts, segment.end)
    for (let j = last; j >= 0 && j > last - LOOK_BACK; j--) {
      const user = users[j]
      if (user?.end != null && user.start < segment.end && user.end > segment.start) return false
    }
    return true
  })
}
