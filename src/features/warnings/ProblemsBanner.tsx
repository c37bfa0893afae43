import { problemText } from '../../domain/problems'
import { useCallStore } from '../../store/call-store'

/** Input problems from the last open: errors stand out, the loaded call stays as it was. */
export function ProblemsBanner() {
  const fileProblems = useCallStore((s) => s.problems)
  const audioProblems = useCallStore((s) => s.audioProblems)
  const problems = [...fileProblems, ...audioProblems]
  if (problems.length === 0) return null
  const errors = problems.filter((p) => p.severity === 'error')
  const warnings = problems.filter((p) => p.severity === 'warning')
  // One bad file can have several bad fields: count files, not problems.
  const badFiles = new Set(errors.map((p) => p.file)).size
  return (
    <div className={`banner ${errors.length > 0 ? 'banner-error' : 'banner-warn'}`} role="alert">
      <div>
        <strong>
          {errors.length > 0
            ? `Could not use ${badFiles === 1 ? 'an input' : `${badFiles} inputs`}; what was loaded before is kept.`
            : 'Loaded, with caveats:'}
        </strong>
        <ul>
          {[...errors, ...warnings].slice(0, 8).map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
          {problems.length > 8 && <li>… and {problems.length - 8} more</li>}
        </ul>
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => useCallStore.setState({ problems: [], audioProblems: [] })}
      >
        ×
      </button>
    </div>
  )
}
