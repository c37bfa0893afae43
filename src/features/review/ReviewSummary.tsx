import { useDeferredValue, useMemo } from 'react'
import './review.css'
import { callStats } from '../../domain/review/call-stats'
import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { useFindingsStore } from '../../store/findings-store'
import { formatClock } from '../player/playback-cursor'
import { goToItem, reviewFacts } from './review-facts'

const s2 = (s: number) => `${s.toFixed(2)} s`

/** The call at a glance, from the corrected timeline: where to look first. */
export function ReviewSummary() {
  // Rendered after the rest of a change, in a render of its own: the stats of an hour's call are
  // a long task, and the transcript and waveform should not wait for them.
  const view = useDeferredValue(useCorrectedView())
  const warnings = useCallStore((s) => s.warnings.length)
  const duration = useCallStore((s) => s.inputs.audio?.duration)
  const findings = useFindingsStore((s) => s.findings.length)
  const stats = useMemo(
    () =>
      view &&
      callStats(
        view.timeline.items,
        reviewFacts(view).latencies,
        view.talkOver,
        warnings,
        duration,
      ),
    [view, warnings, duration],
  )
  if (!stats) return null
  const { heard } = stats
  return (
    <dl className="review-summary" aria-label="Call summary">
      <div>
        <dt>Duration</dt>
        <dd>{formatClock(stats.duration).replace(/\.\d+$/, '')}</dd>
      </div>
      <div>
        <dt>Turns</dt>
        <dd>
          {stats.userTurns} user · {stats.agentTurns} agent
        </dd>
      </div>
      <div title="Heard in the recording after your corrections: user speech end → reply start">
        <dt>Reply latency (heard)</dt>
        <dd>
          {heard ? (
            <>
              p50 {s2(heard.p50)} · p95 {s2(heard.p95)} · max{' '}
              <button
                type="button"
                className="link"
                aria-label={`Go to the slowest reply, ${s2(heard.max)}`}
                onClick={() => goToItem(heard.maxId)}
              >
                {s2(heard.max)}
              </button>
            </>
          ) : (
            'no replies to user turns'
          )}
        </dd>
      </div>
      <div>
        <dt>Interruptions</dt>
        <dd>{stats.interruptions}</dd>
      </div>
      <div>
        <dt>Talk-over</dt>
        <dd>{s2(stats.talkOverSeconds)}</dd>
      </div>
      <div>
        <dt>Tool calls</dt>
        <dd className={stats.toolErrors > 0 ? 'warn' : undefined}>
          {stats.toolCalls}
          {stats.toolErrors > 0 && ` · ${stats.toolErrors} failed`}
        </dd>
      </div>
      <div>
        <dt>Warnings</dt>
        <dd className={stats.warnings > 0 ? 'warn' : undefined}>{stats.warnings}</dd>
      </div>
      <div>
        <dt>Findings</dt>
        <dd>{findings}</dd>
      </div>
    </dl>
  )
}
