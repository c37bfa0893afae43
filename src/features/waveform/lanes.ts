import type { EgressRecording } from '../../domain/call'
import type { Lane, RecordingAnchor } from '../../domain/timeline'

export interface LaneLayout {
  /** Band index (0 = top) of each spoken lane, which is also its channel. */
  band: Record<'user' | 'agent', number>
  labels: [string, string]
  /** Each side speaks on its own channel, so speech per channel can be matched to the lanes. */
  separated: boolean
}

/**
 * audio.ogg: left = user, right = agent (formats.md §3.2). Egress DUAL_CHANNEL_AGENT: left = agent
 * (§6.4). Anything else is drawn the audio.ogg way and labelled as a guess.
 */
export function laneLayout(
  anchor: RecordingAnchor | undefined,
  egress: EgressRecording | undefined,
  channels: number,
): LaneLayout {
  const userFirst = { user: 0, agent: 1 }
  if (channels < 2)
    return { band: userFirst, labels: ['User (mono mix)', 'Agent (mono mix)'], separated: false }
  if (anchor?.kind === 'egress' && egress?.audioMixing === 'DUAL_CHANNEL_AGENT')
    return { band: { agent: 0, user: 1 }, labels: ['Agent · L', 'User · R'], separated: true }
  if (anchor?.kind === 'egress')
    return { band: userFirst, labels: ['L (mixed)', 'R (mixed)'], separated: false }
  return { band: userFirst, labels: ['User · L', 'Agent · R'], separated: true }
}

export function bandOf(layout: LaneLayout, lane: Lane): number | undefined {
  return lane === 'marker' ? undefined : layout.band[lane]
}
