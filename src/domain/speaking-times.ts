import type { Metrics } from './call'

/**
 * The metrics' speaking times, or undefined when there is no start or the stop comes before it
 * (a stale anchor, agents#6093: neither value can be trusted then).
 */
export function speakingTimes(metrics: Metrics): { started: number; stopped?: number } | undefined {
  const { started_speaking_at: started, stopped_speaking_at: stopped } = metrics
  if (started === undefined) return undefined
  if (stopped === undefined) return { started }
  return stopped > started ? { started, stopped } : undefined
}
