import { useMemo } from 'react'
import type { PlacedItem } from '../../domain/timeline'
import { useFindingsStore } from '../../store/findings-store'
import { startFinding } from './finding-draft'
import { ReplyLatencyDetails } from './ReplyLatencyDetails'
import { ToolCallDetails } from './ToolCallDetails'

/** The review's part of the selection panel: latency, tool calls in full, findings. */
export function SelectionReview({ item }: { item: PlacedItem }) {
  const all = useFindingsStore((s) => s.findings)
  const findings = useMemo(() => all.filter((f) => f.itemId === item.id), [all, item.id])
  return (
    <div className="selection-review">
      <ReplyLatencyDetails id={item.id} />
      <ToolCallDetails item={item} />
      {findings.length > 0 && (
        <ul className="item-findings">
          {findings.map((f) => (
            <li key={f.id}>
              ⚑ <strong>{f.tag}</strong> {f.note}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => startFinding()}>
        Flag… <kbd>F</kbd>
      </button>
    </div>
  )
}
