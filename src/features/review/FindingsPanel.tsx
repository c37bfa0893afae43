import { useMemo } from 'react'
import { findingSpan, sortFindings } from '../../domain/review/findings'
import { findingsActions, useFindingsStore } from '../../store/findings-store'
import { formatClock } from '../player/playback-cursor'
import { editFinding, startFinding } from './finding-draft'
import { exportFindingsCsv, goToFinding } from './finding-actions'
import { FindingForm } from './FindingForm'
import { useReviewFacts } from './review-facts'

/** What the reviewer wrote down, in call order: click one to go there. */
export function FindingsPanel() {
  const facts = useReviewFacts()
  const findings = useFindingsStore((s) => s.findings)
  const saveError = useFindingsStore((s) => s.saveError)
  const sorted = useMemo(
    () => (facts ? sortFindings(findings, facts.itemsById) : findings),
    [findings, facts],
  )
  if (!facts) return null
  return (
    <section className="findings" aria-label="Findings">
      <header className="panel-header">
        <h2>Findings ({findings.length})</h2>
        <span className="spacer" />
        <button type="button" onClick={() => startFinding()}>
          Flag… <kbd>F</kbd>
        </button>
        <button type="button" disabled={findings.length === 0} onClick={exportFindingsCsv}>
          Findings CSV
        </button>
      </header>
      <FindingForm />
      {saveError && (
        <p className="warn" role="alert">
          Findings could not be saved in this browser ({saveError}); export them before closing.
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="muted">
          Nothing flagged yet. Select a message (or pause where it went wrong) and press F.
        </p>
      ) : (
        <ol className="findings-list">
          {sorted.map((f) => {
            const span = findingSpan(f, facts.itemsById)
            const item = f.itemId ? facts.itemsById.get(f.itemId) : undefined
            return (
              <li key={f.id} data-finding-id={f.id}>
                <button type="button" className="time" onClick={() => goToFinding(f.id)}>
                  {formatClock(span.start)}
                </button>
                <span className="chip chip-finding">⚑ {f.tag}</span>
                <span className="finding-note">{f.note || <em className="muted">no note</em>}</span>
                <span className="muted finding-on">
                  {item
                    ? `${item.role ?? item.type}: ${item.text.slice(0, 48)}`
                    : `${(span.end - span.start).toFixed(1)} s range`}
                </span>
                <button
                  type="button"
                  className="link"
                  aria-label={`Edit finding ${f.tag}`}
                  onClick={() => editFinding(f.id)}
                >
                  edit
                </button>
                <button
                  type="button"
                  className="link"
                  aria-label={`Delete finding ${f.tag}`}
                  onClick={() => findingsActions.remove(f.id)}
                >
                  delete
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
