import { useMemo } from 'react'
import { useFindingsStore } from '../../store/findings-store'
import { ReplyLatencyChip } from './ReplyLatencyChip'

/** What the review adds to a transcript row: the reply's latency and the findings on it. */
export function RowReviewChips({ id }: { id: string }) {
  const findings = useFindingsStore((s) => s.findings)
  const tags = useMemo(
    () => new Set(findings.filter((f) => f.itemId === id).map((f) => f.tag)),
    [findings, id],
  )
  return (
    <>
      <ReplyLatencyChip id={id} />
      {[...tags].map((tag) => (
        <span key={tag} className="chip chip-finding" title="Your finding">
          ⚑ {tag}
        </span>
      ))}
    </>
  )
}
