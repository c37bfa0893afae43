import type { ReplyLatency } from '../../domain/review/latency-breakdown'

const s2 = (s: number) => `${s.toFixed(2)} s`

/** The parts of one reply's latency, end to end, each as wide as its share. */
export function LatencyBar({ latency, scaleS }: { latency: ReplyLatency; scaleS?: number }) {
  const total = latency.parts.reduce((sum, p) => sum + p.seconds, 0)
  if (total <= 0) return null
  const scale = Math.max(total, scaleS ?? total)
  const title = latency.parts.map((p) => `${p.label} ${s2(p.seconds)}`).join(' + ')
  return (
    <span
      className="latency-bar"
      role="img"
      aria-label={`Latency parts: ${title}`}
      title={latency.overlapping ? `${title} (stages overlapped)` : title}
    >
      {latency.parts.map((p) => (
        <span
          key={p.key}
          className={`latency-part part-${p.key}`}
          style={{ width: `${(p.seconds / scale) * 100}%` }}
        />
      ))}
    </span>
  )
}

/** Legend rows for the selection panel: every part with its seconds. */
export function LatencyParts({ latency }: { latency: ReplyLatency }) {
  return (
    <ul className="latency-legend">
      {latency.parts.map((p) => (
        <li key={p.key}>
          <span className={`swatch part-${p.key}`} /> {p.label} {s2(p.seconds)}
        </li>
      ))}
      {latency.overlapping && <li>stages overlapped (preemptive generation): no rest</li>}
    </ul>
  )
}
