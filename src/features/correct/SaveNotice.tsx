import { useEffect } from 'react'
import { parseStoredText, storageKey } from '../../store/persist-corrections'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { exportAlignment } from '../export/export-actions'

/** Watches this call's saved corrections in other tabs of the same browser. */
function useOtherTabs() {
  const callKey = useReviewStore((s) => s.callKey)
  useEffect(() => {
    if (!callKey) return
    const onStorage = (event: StorageEvent) => {
      if (event.key !== storageKey(callKey) || event.newValue === null) return
      const restored = parseStoredText(event.newValue)
      if (restored) reviewActions.otherTabSaved(restored.corrections)
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [callKey])
}

/** What happened to the reviewer's corrections in storage, when it is not "saved". */
export function SaveNotice() {
  useOtherTabs()
  const saveFailure = useReviewStore((s) => s.saveFailure)
  const dropped = useReviewStore((s) => s.droppedOnLoad)
  const otherTab = useReviewStore((s) => s.otherTab)
  return (
    <>
      {saveFailure && (
        <div className="banner banner-error save-notice" role="alert">
          <div>
            <strong>Your corrections are not saved in this browser:</strong> {saveFailure}. They are
            still here, but a reload would lose them. Download them as a Turnline export and open it
            again with the call to resume.
          </div>
          <button type="button" className="primary" onClick={exportAlignment}>
            Export offsets (JSON)
          </button>
          <button type="button" onClick={reviewActions.retrySave}>
            Try saving again
          </button>
        </div>
      )}
      {otherTab && (
        <div className="banner banner-warn save-notice" role="alert">
          <div>
            <strong>Another tab changed the corrections of this call.</strong> Saving here would
            overwrite them.
          </div>
          <button type="button" onClick={reviewActions.takeOtherTab}>
            Use the other tab&apos;s
          </button>
          <button type="button" onClick={reviewActions.keepThisTab}>
            Keep this tab&apos;s
          </button>
        </div>
      )}
      {dropped.length > 0 && (
        <div className="banner banner-warn save-notice" role="alert">
          <div>
            <strong>Some saved corrections were not usable and were left out</strong> (the others
            are restored):
            <ul>
              {dropped.slice(0, 5).map((d) => (
                <li key={d}>{d}</li>
              ))}
              {dropped.length > 5 && <li>… and {dropped.length - 5} more</li>}
            </ul>
          </div>
          <button type="button" aria-label="Dismiss" onClick={reviewActions.dismissDropped}>
            ×
          </button>
        </div>
      )}
    </>
  )
}
