import { useCallStore } from '../../store/call-store'
import { exportAlignment, exportTable } from './export-actions'

export function ExportMenu() {
  const ready = useCallStore((s) => s.timeline !== undefined)
  return (
    <div className="export" role="group" aria-label="Export">
      <button type="button" className="primary" disabled={!ready} onClick={exportAlignment}>
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
    </div>
  )
}
