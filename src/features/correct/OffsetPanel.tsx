import { useState } from 'react'
import type { NudgeTarget } from '../../store/review-store'
import {
  effectiveNudgeTarget,
  needsSelection,
  reviewActions,
  useReviewStore,
} from '../../store/review-store'
import { nudge } from './item-actions'
import { AlignToAudio } from '../align/AlignToAudio'

const STEPS = [-1, -0.1, -0.01, 0.01, 0.1, 1] as const
const TARGETS: { value: NudgeTarget; label: string }[] = [
  { value: 'all', label: 'All items' },
  { value: 'agent', label: 'Agent lane' },
  { value: 'user', label: 'User lane' },
  { value: 'selected', label: 'Selected' },
  { value: 'after', label: 'Selected + after' },
]

function stepLabel(step: number): string {
  const sign = step > 0 ? '+' : '−'
  const abs = Math.abs(step)
  return abs >= 1 ? `${sign}${abs} s` : `${sign}${Math.round(abs * 1000)} ms`
}

export function OffsetPanel() {
  const globalOffset = useReviewStore((s) => s.corrections.globalOffset)
  const nudgeCount = useReviewStore((s) => s.corrections.nudges.size)
  const target = useReviewStore(effectiveNudgeTarget)
  const canUndo = useReviewStore((s) => s.past.length > 0)
  const canRedo = useReviewStore((s) => s.future.length > 0)
  const hasSelection = useReviewStore((s) => s.selectedId !== undefined)
  const [draft, setDraft] = useState<string | null>(null)

  const commitDraft = () => {
    if (draft === null) return
    const ms = Number(draft)
    if (draft.trim() !== '' && Number.isFinite(ms)) reviewActions.setGlobalOffset(ms / 1000)
    setDraft(null)
  }

  return (
    <section className="offset-panel" aria-label="Corrections">
      <div className="offset-row">
        <label className="field">
          Global offset
          <input
            type="number"
            step={10}
            aria-label="Global offset in milliseconds"
            value={draft ?? Math.round(globalOffset * 1000)}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commitDraft}
            onKeyDown={(e) => e.key === 'Enter' && commitDraft()}
          />
          ms
        </label>
        <div className="segmented" role="radiogroup" aria-label="Nudge target">
          {TARGETS.map((t) => (
            <button
              key={t.value}
              type="button"
              role="radio"
              aria-checked={target === t.value}
              disabled={needsSelection(t.value) && !hasSelection}
              onClick={() => reviewActions.setNudgeTarget(t.value)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div className="offset-row">
        {STEPS.map((step) => (
          <button
            key={step}
            type="button"
            className="step"
            onClick={() => nudge(step)}
            aria-label={`Nudge ${stepLabel(step)}`}
          >
            {stepLabel(step)}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" onClick={reviewActions.undo} disabled={!canUndo}>
          Undo
        </button>
        <button type="button" onClick={reviewActions.redo} disabled={!canRedo}>
          Redo
        </button>
        <button
          type="button"
          onClick={reviewActions.resetAll}
          disabled={globalOffset === 0 && nudgeCount === 0}
        >
          Reset
        </button>
      </div>
      <AlignToAudio />
      <p className="hint">
        {nudgeCount > 0
          ? `${nudgeCount} message${nudgeCount > 1 ? 's' : ''} corrected by hand. `
          : ''}
        Drag a region to move one message; its words move with it.
      </p>
    </section>
  )
}
