import { useState } from 'react'
import { direction } from './offset-wording'

interface Props {
  label: string
  /** Seconds. */
  value: number
  onCommit: (seconds: number) => void
  help: string
}

/** A typed offset in milliseconds, applied on Enter or when the field loses focus. */
export function OffsetField({ label, value, onCommit, help }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const ms = Number(draft)
    if (draft.trim() !== '' && Number.isFinite(ms)) onCommit(ms / 1000)
    setDraft(null)
  }
  return (
    <label className="field offset-field" title={help}>
      {label}
      <input
        type="number"
        step={10}
        aria-label={`${label} in milliseconds`}
        value={draft ?? Math.round(value * 1000)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span className="unit">ms {direction(value)}</span>
    </label>
  )
}
