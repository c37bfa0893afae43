import type { EgressRecording } from '../../domain/call'
import type { Lane, RecordingAnchor } from '../../domain/timeline'

export interface LaneLayout {
  /** Band index (0 = top) of each spoken lane. */
  band: Record<'user' | 'agent', number>
  labels: [string, string]
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
  if (channels < 2)
    return { band: { user: 0, agent: 1 }, labels: ['User (mono mix)', 'Agent (mono mix)'] }
  if (anchor?.kind === 'egress' && egress?.audioMixing === 'DUAL_CHANNEL_AGENT')
    return { band: { agent: 0, user: 1 }, labels: ['Agent · L', 'User · R'] }
  if (anchor?.kind === 'egress')
    return { band: { user: 0, agent: 1 }, labels: ['L (mixed)', 'R (mixed)'] }
  return { band: { user: 0, agent: 1 }, labels: ['User · L', 'Agent · R'] }
}

export function bandOf(layout: LaneLayout, lane: Lane): number | undefined {
  return lane === 'marker' ? undefined : layout.band[lane]
}
