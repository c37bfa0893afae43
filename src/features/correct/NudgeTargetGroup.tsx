import type { KeyboardEvent } from 'react'
import { useRef } from 'react'
import type { NudgeTarget } from '../../store/review-store'
import {
  effectiveNudgeTarget,
  needsSelection,
  reviewActions,
  useReviewStore,
} from '../../store/review-store'

const TARGETS: { value: NudgeTarget; label: string; help: string }[] = [
  { value: 'all', label: 'All items', help: 'Moves every item (the global offset)' },
  {
    value: 'agent',
    label: 'Agent lane',
    help: 'Moves every agent message (the agent lane offset)',
  },
  { value: 'user', label: 'User lane', help: 'Moves every user message (the user lane offset)' },
  { value: 'selected', label: 'Selected', help: 'Moves the selected message alone' },
  {
    value: 'after',
    label: 'Selected + after',
    help: 'Moves the selected message and all after it',
  },
]

const STEP: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/** A radio group with roving focus: Tab reaches the checked target, arrows move the choice. */
export function NudgeTargetGroup() {
  const target = useReviewStore(effectiveNudgeTarget)
  const hasSelection = useReviewStore((s) => s.selectedId !== undefined)
  const groupRef = useRef<HTMLDivElement>(null)
  const usable = TARGETS.filter((t) => hasSelection || !needsSelection(t.value))

  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEP[event.key]
    if (step === undefined) return
    event.preventDefault()
    const index = usable.findIndex((t) => t.value === target)
    const next = usable[(index + step + usable.length) % usable.length]
    if (!next) return
    reviewActions.setNudgeTarget(next.value)
    groupRef.current?.querySelector<HTMLElement>(`[data-target="${next.value}"]`)?.focus()
  }

  return (
    <div
      ref={groupRef}
      className="segmented"
      role="radiogroup"
      aria-label="Nudge target"
      onKeyDown={onKeyDown}
    >
      {TARGETS.map((t) => (
        <button
          key={t.value}
          type="button"
          role="radio"
          data-target={t.value}
          title={t.help}
          aria-checked={target === t.value}
          tabIndex={target === t.value ? 0 : -1}
          disabled={needsSelection(t.value) && !hasSelection}
          onClick={() => reviewActions.setNudgeTarget(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  )
}
