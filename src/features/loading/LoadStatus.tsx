import { formatBytes } from './fetch-source'
import type { SourceStatus } from './use-url-call'
import { useUrlCall } from './use-url-call'

function progressText(s: SourceStatus): string {
  const parts = [
    s.progress !== undefined ? `${Math.round(s.progress * 100)} %` : undefined,
    s.received !== undefined ? `${formatBytes(s.received)} received` : undefined,
  ].filter((p) => p !== undefined)
  return parts.length > 0 ? ` ${parts.join(', ')}` : '…'
}

/**
 * Loads the call the URL names and shows how far it got. The downloads' progress re-renders only
 * this: at the App a long recording's progress re-rendered the whole page 45 times while it came in.
 */
export function UrlCallStatus() {
  return <LoadStatus sources={useUrlCall().sources} />
}

/** Shown while a linked call loads, and when a source fails (with a retry). */
export function LoadStatus({ sources }: { sources: SourceStatus[] }) {
  const pending = sources.filter((s) => s.status !== 'success')
  if (pending.length === 0) return null
  return (
    <ul className="load-status" aria-live="polite">
      {pending.map((s) => (
        <li
          key={s.url}
          className={s.status === 'error' ? 'load-error' : undefined}
          role={s.status === 'error' ? 'alert' : undefined}
        >
          <strong>{s.label}</strong>{' '}
          {s.status === 'error' ? (
            <>
              could not be loaded: {s.error}{' '}
              <button type="button" onClick={s.retry}>
                Retry
              </button>
            </>
          ) : (
            <>
              loading{progressText(s)} <progress max={1} value={s.progress} />{' '}
              <button type="button" onClick={s.cancel}>
                Cancel
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
