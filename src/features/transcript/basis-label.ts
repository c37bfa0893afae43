import type { Basis } from '../../domain/timeline'

/** How each placement source is shown, and what it means (formats.md §9.3). */
export const BASIS_LABEL: Record<Basis, { short: string; help: string }> = {
  metrics: {
    short: 'metrics',
    help: 'Placed by metrics.started_speaking_at / stopped_speaking_at',
  },
  words: { short: 'words', help: 'Placed by captured word timings' },
  user_state: { short: 'VAD events', help: 'Placed by user_state_changed events (VAD edges)' },
  e2e_latency: { short: 'e2e', help: 'Previous user stop + e2e_latency' },
  created_at: { short: 'created_at', help: 'Estimated from created_at: check by ear' },
  created_at_end: { short: 'say()', help: 'say() message: created_at is its end; start estimated' },
  audio: { short: 'audio', help: 'Aligned to the speech found in the recording' },
  estimate: { short: 'estimate', help: 'No timestamp: placed after its neighbour; check by ear' },
}
