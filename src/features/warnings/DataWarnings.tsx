import { useCallStore } from '../../store/call-store'
import { selectItem } from '../correct/item-actions'

/** The domain's self-checks, folded away until the reviewer wants them. */
export function DataWarnings() {
  const warnings = useCallStore((s) => s.warnings)
  if (warnings.length === 0) return <p className="data-ok">Data checks: no problems found.</p>
  return (
    <details className="data-warnings">
      <summary>
        {warnings.length} data warning{warnings.length > 1 ? 's' : ''}
      </summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {w.itemId ? (
              <button
                type="button"
                className="link"
                onClick={() => w.itemId && selectItem(w.itemId)}
              >
                {w.itemId}
              </button>
            ) : null}{' '}
            {w.message}
          </li>
        ))}
      </ul>
    </details>
  )
}
