import { buildAlignmentExport } from '../../domain/export/alignment'
import { toSrt, toWebVtt } from '../../domain/export/captions'
import { toCsv } from '../../domain/export/csv'
import { toExportFindings } from '../../domain/review/findings'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useFindingsStore } from '../../store/findings-store'
import { useReviewStore } from '../../store/review-store'
import { reviewFacts } from '../review/review-facts'
import { baseName, downloadText } from './download'

function exportAlignment() {
  const view = currentCorrectedView()
  const audio = useCallStore.getState().inputs.audio
  if (!view) return
  const recording = {
    file: audio?.name ?? 'recording',
    ...(audio?.duration !== undefined ? { duration: audio.duration } : {}),
    ...(audio?.channels !== undefined ? { channels: audio.channels } : {}),
  }
  const file = {
    ...buildAlignmentExport(view.timeline, useReviewStore.getState().corrections, recording),
    findings: toExportFindings(useFindingsStore.getState().findings, reviewFacts(view).itemsById),
  }
  downloadText(
    `${baseName(recording.file)}.turnline.json`,
    JSON.stringify(file, null, 2) + '\n',
    'application/json',
  )
}

function exportTable(kind: 'vtt' | 'srt' | 'csv') {
  const view = currentCorrectedView()
  if (!view) return
  const name = baseName(useCallStore.getState().inputs.audio?.name ?? 'call')
  if (kind === 'vtt') downloadText(`${name}.vtt`, toWebVtt(view.timeline), 'text/vtt')
  else if (kind === 'srt') downloadText(`${name}.srt`, toSrt(view.timeline), 'application/x-subrip')
  else {
    const { corrections } = useReviewStore.getState()
    downloadText(`${name}.csv`, toCsv(view.timeline, corrections), 'text/csv')
  }
}

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
