import type { Basis } from '../../domain/timeline'

/** How each placement source is shown, and what it means (formats.md §9.3). */
export const BASIS_LABEL: Record<Basis, { short: string; help: string }> = {
  metrics: {
    short: 'measured',
    help: 'Measured speech start and end (metrics.started_speaking_at / stopped_speaking_at)',
  },
  words: { short: 'word timings', help: 'Placed by captured word timings (TimedString)' },
  user_state: {
    short: 'voice activity',
    help: 'Placed by voice activity edges (user_state_changed VAD events)',
  },
  e2e_latency: {
    short: 'from latency',
    help: 'Previous user stop + reply latency (metrics.e2e_latency)',
  },
  created_at: {
    short: 'rough',
    help: 'Estimated from when the item was created (created_at): check by ear',
  },
  created_at_end: {
    short: 'rough (say)',
    help: 'A say() message: its creation time (created_at) is its end; start estimated',
  },
  estimate: { short: 'guessed', help: 'No timestamp: placed after its neighbour; check by ear' },
  audio: { short: 'from audio', help: 'Aligned to the speech found in the recording' },
}
