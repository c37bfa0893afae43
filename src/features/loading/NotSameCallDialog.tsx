import { useEffect, useRef } from 'react'
import type { CallInputs } from '../../store/call-store'
import { acceptMismatches, replaceInputs, useCallStore } from '../../store/call-store'

/** Sets aside the input that disagrees with the history (the history is what the review is of). */
function setAside(input: 'egress' | 'audio') {
  const { inputs } = useCallStore.getState()
  const next: CallInputs = { ...inputs }
  if (input === 'egress') delete next.egress
  else {
    if (inputs.audio) URL.revokeObjectURL(inputs.audio.url)
    delete next.audio
  }
  replaceInputs(next)
}

/** "These files are not from the same call": the reviewer decides, nothing is mixed silently. */
export function NotSameCallDialog() {
  const mismatches = useCallStore((s) => s.mismatches)
  const dialog = useRef<HTMLDialogElement>(null)
  const open = mismatches.length > 0
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])
  const inputs = [...new Set(mismatches.map((m) => m.input))]
  const files = [...new Set(mismatches.map((m) => m.file))]
  return (
    <dialog
      ref={dialog}
      className="not-same-call"
      aria-labelledby="not-same-call-title"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="not-same-call-title">These files are not from the same call</h2>
      <ul>
        {mismatches.map((m) => (
          <li key={m.reason}>
            <strong>{m.file}</strong>: {m.reason}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={() => inputs.forEach((input) => setAside(input))}
        >
          Set aside {files.join(', ')}
        </button>
        <button type="button" onClick={acceptMismatches}>
          Use them together anyway
        </button>
      </div>
    </dialog>
  )
}
