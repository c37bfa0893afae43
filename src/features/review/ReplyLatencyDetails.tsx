import { LatencyBar, LatencyParts } from './LatencyBar'
import { useReviewFacts } from './review-facts'

const s3 = (s: number) => `${s.toFixed(3)} s`

/** Why this reply took as long as it did: heard vs reported, the stages, the models. */
export function ReplyLatencyDetails({ id }: { id: string }) {
  const latency = useReviewFacts()?.latencies.get(id)
  if (!latency) return null
  return (
    <div className="latency-details" data-testid="latency-details">
      <p>
        Heard {latency.heard !== undefined ? s3(latency.heard) : '—'} · reported e2e_latency{' '}
        {latency.reported !== undefined ? s3(latency.reported) : '—'}
      </p>
      {latency.parts.length > 0 ? (
        <>
          <LatencyBar latency={latency} />
          <LatencyParts latency={latency} />
        </>
      ) : (
        <p className="muted">The report has no stage metrics for this reply.</p>
      )}
      {latency.models.length > 0 && (
        <ul className="models">
          {latency.models.map((m) => (
            <li key={m.stage}>
              {m.stage}: {m.model ?? '?'}
              {m.provider && ` (${m.provider})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
