import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { useReviewStore } from '../../store/review-store'
import { formatClock } from '../player/playback-cursor'
import { SelectionReview } from '../review/SelectionReview'
import { BASIS_LABEL } from '../transcript/basis-label'
import { WORDS_SOURCE_LABEL } from '../transcript/words-source-label'

const seconds = (s: number) => `${s >= 0 ? '+' : '−'}${Math.abs(s).toFixed(3)} s`

/** Everything known about the selected item: where each source puts it, and the corrections. */
export function SelectionPanel() {
  const selectedId = useReviewStore((s) => s.selectedId)
  const nudge = useReviewStore((s) =>
    selectedId ? (s.corrections.nudges.get(selectedId) ?? 0) : 0,
  )
  const globalOffset = useReviewStore((s) => s.corrections.globalOffset)
  const laneOffsets = useReviewStore((s) => s.corrections.laneOffsets)
  const edges = useReviewStore((s) =>
    selectedId ? s.corrections.edges.get(selectedId) : undefined,
  )
  const warnings = useCallStore((s) => s.warnings)
  const item = useCorrectedView()?.timeline.items.find((i) => i.id === selectedId)
  if (!item) {
    return (
      <section className="selection empty" aria-label="Selected item">
        Click a message or a marker to see where each timestamp source puts it.
      </section>
    )
  }
  const itemWarnings = warnings.filter((w) => w.itemId === item.id)
  return (
    <section className="selection" aria-label="Selected item">
      <header>
        <strong>{item.lane === 'marker' ? item.type.replaceAll('_', ' ') : item.role}</strong>{' '}
        <code>{item.id}</code>
      </header>
      <dl>
        <dt>Start</dt>
        <dd>
          {formatClock(item.start)}
          {item.end !== null &&
            ` → ${formatClock(item.end)} (${(item.end - item.start).toFixed(2)} s)`}
        </dd>
        <dt>Source</dt>
        <dd title={BASIS_LABEL[item.basis].help}>{BASIS_LABEL[item.basis].help}</dd>
        <dt>Corrections</dt>
        <dd>
          global {seconds(globalOffset)}
          {item.lane !== 'marker' && `, ${item.lane} lane ${seconds(laneOffsets[item.lane])}`}, this
          item {seconds(nudge)}
          {edges && `, start ${seconds(edges.start)}, end ${seconds(edges.end)}`} (+ = later)
        </dd>
        {item.alternatives.length > 0 && (
          <>
            <dt>Other sources</dt>
            <dd>
              <ul>
                {item.alternatives.map((a) => (
                  <li key={a.basis}>
                    {BASIS_LABEL[a.basis].short}: {seconds(a.delta)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {item.lane !== 'marker' && (
          <>
            <dt>Words</dt>
            <dd>
              {item.words.length}, {WORDS_SOURCE_LABEL[item.wordsSource].short}
              {item.words.some((w) => !w.heard) &&
                `, ${item.words.filter((w) => !w.heard).length} never played`}
            </dd>
          </>
        )}
        {itemWarnings.length > 0 && (
          <>
            <dt>Checks</dt>
            <dd className="warn">{itemWarnings.map((w) => w.message).join('; ')}</dd>
          </>
        )}
      </dl>
      <SelectionReview item={item} />
    </section>
  )
}
