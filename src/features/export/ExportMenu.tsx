import { buildAlignmentExport } from '../../domain/export/alignment'
import { toSrt, toWebVtt } from '../../domain/export/captions'
import { toCsv } from '../../domain/export/csv'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useReviewStore } from '../../store/review-store'
import { exportBaseName } from '../../domain/export/file-name'
import { downloadText } from './download'

/** `support-call-9b41d7-2025-11-24`: the call's room (or job id) and date. */
function callFileName(): string {
  const { inputs, timeline } = useCallStore.getState()
  return exportBaseName({
    room: inputs.history?.room,
    jobId: inputs.history?.jobId,
    t0Unix: timeline?.anchor.t0Unix,
    recordingName: inputs.audio?.name,
  })
}

function exportAlignment() {
  const view = currentCorrectedView()
  const audio = useCallStore.getState().inputs.audio
  if (!view) return
  const recording = {
    file: audio?.name ?? 'recording',
    ...(audio?.duration !== undefined ? { duration: audio.duration } : {}),
    ...(audio?.channels !== undefined ? { channels: audio.channels } : {}),
  }
  const file = buildAlignmentExport(view.timeline, useReviewStore.getState().corrections, recording)
  downloadText(
    `${callFileName()}.turnline.json`,
    JSON.stringify(file, null, 2) + '\n',
    'application/json',
  )
}

function exportTable(kind: 'vtt' | 'srt' | 'csv') {
  const view = currentCorrectedView()
  if (!view) return
  const name = callFileName()
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
