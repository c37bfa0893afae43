import { hasCorrections } from '../../domain/corrections'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { nudge } from './item-actions'
import { AlignToAudio } from '../align/AlignToAudio'
import { NudgeTargetGroup } from './NudgeTargetGroup'
import { OffsetField } from './OffsetField'
import { stepLabel } from './offset-wording'

const STEPS = [-1, -0.1, -0.01, 0.01, 0.1, 1] as const

function signed(step: number): string {
  const abs = Math.abs(step)
  return `${step > 0 ? '+' : '−'}${abs >= 1 ? `${abs} s` : `${Math.round(abs * 1000)} ms`}`
}

export function OffsetPanel() {
  const corrections = useReviewStore((s) => s.corrections)
  const nudgeCount = corrections.nudges.size
  const edgeCount = corrections.edges.size
  const canUndo = useReviewStore((s) => s.past.length > 0)
  const canRedo = useReviewStore((s) => s.future.length > 0)

  return (
    <section className="offset-panel" aria-label="Corrections">
      <div className="offset-row">
        <OffsetField
          label="Global offset"
          value={corrections.globalOffset}
          onCommit={reviewActions.setGlobalOffset}
          help="Added to every item. Positive = later in the recording, negative = earlier."
        />
        <OffsetField
          label="Agent lane"
          value={corrections.laneOffsets.agent}
          onCommit={(s) => reviewActions.setLaneOffset('agent', s)}
          help="Added to every agent message, on top of the global offset."
        />
        <OffsetField
          label="User lane"
          value={corrections.laneOffsets.user}
          onCommit={(s) => reviewActions.setLaneOffset('user', s)}
          help="Added to every user message, on top of the global offset."
        />
      </div>
      <div className="offset-row">
        <span className="row-label">Nudge</span>
        <NudgeTargetGroup />
      </div>
      <div className="offset-row">
        <span className="direction-hint" aria-hidden="true">
          ← earlier
        </span>
        {STEPS.map((step) => (
          <button
            key={step}
            type="button"
            className="step"
            onClick={() => nudge(step)}
            aria-label={`Nudge ${signed(step)} (${stepLabel(step)})`}
            title={stepLabel(step)}
          >
            {signed(step)}
          </button>
        ))}
        <span className="direction-hint" aria-hidden="true">
          later →
        </span>
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
          disabled={!hasCorrections(corrections)}
        >
          Reset
        </button>
      </div>
      <AlignToAudio />
      <p className="hint">
        {nudgeCount > 0 ? `${nudgeCount} message${nudgeCount > 1 ? 's' : ''} moved by hand. ` : ''}
        {edgeCount > 0
          ? `${edgeCount} message${edgeCount > 1 ? 's' : ''} with a start or end moved. `
          : ''}
        Drag a region to move one message, or its left or right edge to move only its start or end;
        hold Alt to drag without snapping to speech.
      </p>
    </section>
  )
}
