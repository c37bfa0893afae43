import { useEffect, useRef, useState } from 'react'
import { useCallStore } from '../../store/call-store'
import { exportAlignment, exportAlignmentWhenTimed, exportTable } from './export-actions'

export function ExportMenu() {
  // Not while a recording decodes: the export would name the recording it is not placed on yet.
  const ready = useCallStore((s) => s.timeline !== undefined && s.decoding === undefined)
  const [waitingFor, setWaitingFor] = useState<string>()
  const stopWaiting = useRef<() => void>(undefined)
  useEffect(() => () => stopWaiting.current?.(), [])

  const exportNow = () => {
    stopWaiting.current?.()
    exportAlignment()
  }
  return (
    <div className="export" role="group" aria-label="Export">
      <button
        type="button"
        className="primary"
        disabled={!ready || waitingFor !== undefined}
        onClick={() => (stopWaiting.current = exportAlignmentWhenTimed(setWaitingFor))}
      >
        Export offsets (JSON)
      </button>
      <button type="button" disabled={!ready} onClick={() => exportTable('vtt')}>
        WebVTT
      </button>
      <button type="button" disabled={!ready} onClick={() => exportTable('srt')}>
        SRT
      </button>
      <button type="button" disabled={!ready} onClick={() => exportTable('csv')}>
        CSV
      </button>
      {waitingFor !== undefined && (
        <p className="export-waiting" role="status" data-testid="export-waiting">
          {waitingFor}{' '}
          <button type="button" className="link" onClick={exportNow}>
            Export now
          </button>
        </p>
      )}
    </div>
  )
}
