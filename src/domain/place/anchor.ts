import type { CallHistory, EgressRecording } from '../call'
import type { RecordingAnchor } from '../timeline'

/** formats.md §9.2: egress delivery delays agent speech by about this much. */
export const EGRESS_AGENT_BIAS_S = 0.1

export interface AudioFacts {
  /** Seconds. */
  duration?: number
  channels?: number
  /** Seconds into the file where speech first starts on the user channel, if detected. */
  firstUserOnset?: number
}

/**
 * The recording anchor t0 (formats.md §9.2). An Egress file is anchored by its own
 * `file_results[0].started_at`, never by `EgressInfo.started_at`.
 */
export function recordingAnchor(
  history: CallHistory,
  egress: EgressRecording | undefined,
  audio: AudioFacts,
): RecordingAnchor {
  if (egress?.fileStartedAt !== undefined) {
    return {
      kind: 'egress',
      t0Unix: egress.fileStartedAt,
      t0Source: 'egress_file_started_at',
      agentBias: EGRESS_AGENT_BIAS_S,
      estimated: false,
    }
  }
  if (history.recordingStartedAt !== undefined) {
    return {
      kind: 'agent_ogg',
      t0Unix: history.recordingStartedAt,
      t0Source: 'audio_recording_started_at',
      agentBias: 0,
      estimated: false,
    }
  }
  return estimatedAnchor(history, audio)
}

function estimatedAnchor(history: CallHistory, audio: AudioFacts): RecordingAnchor {
  const firstUser = history.items.find(
    (i) => i.type === 'message' && i.role === 'user' && i.metrics.started_speaking_at !== undefined,
  )
  const firstUserStart =
    firstUser?.type === 'message' ? firstUser.metrics.started_speaking_at : undefined
  if (firstUserStart !== undefined && audio.firstUserOnset !== undefined) {
    return {
      kind: 'unknown',
      t0Unix: firstUserStart - audio.firstUserOnset,
      t0Source: 'first_user_speech',
      agentBias: 0,
      estimated: true,
    }
  }
  return {
    kind: 'unknown',
    t0Unix: earliestTimestamp(history) - 1,
    t0Source: 'earliest_timestamp',
    agentBias: 0,
    estimated: true,
  }
}

function earliestTimestamp(history: CallHistory): number {
  let earliest = Number.POSITIVE_INFINITY
  for (const item of history.items) {
    if (item.created_at !== undefined) earliest = Math.min(earliest, item.created_at)
    if (item.type === 'message' && item.metrics.started_speaking_at !== undefined)
      earliest = Math.min(earliest, item.metrics.started_speaking_at)
  }
  for (const event of history.events) earliest = Math.min(earliest, event.created_at)
  return Number.isFinite(earliest) ? earliest : 1
}
