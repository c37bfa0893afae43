import { useFindStore } from '../../store/find-store'
import { useReviewFacts } from './review-facts'
import { LatencyBar } from './LatencyBar'

/**
 * In a transcript row: what the user heard (after corrections) next to what the report says, with
 * its parts. Slow means slower than the "slower than" filter's X.
 */
export function ReplyLatencyChip({ id }: { id: string }) {
  const latency = useReviewFacts()?.latencies.get(id)
  const slowerThan = useFindStore((s) => s.query.slowerThanS)
  if (!latency) return null
  const { heard, reported } = latency
  const slow = (heard ?? reported ?? 0) > slowerThan
  return (
    <span
      className={`chip chip-latency ${slow ? 'chip-warn' : ''}`}
      data-heard={heard}
      title={`Heard in the recording (user speech end → reply start, after corrections)${
        reported !== undefined ? `; the report's e2e_latency is ${reported.toFixed(3)} s` : ''
      }`}
    >
      {heard !== undefined ? `heard ${heard.toFixed(2)} s` : 'heard —'}
      {reported !== undefined && <span className="muted"> · e2e {reported.toFixed(2)} s</span>}
      <LatencyBar latency={latency} scaleS={3} />
    </span>
  )
}
