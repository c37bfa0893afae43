import { buildAlignmentExport } from '../../domain/export/alignment'
import { toSrt, toWebVtt } from '../../domain/export/captions'
import { toCsv } from '../../domain/export/csv'
import { toExportFindings } from '../../domain/review/findings'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useFindingsStore } from '../../store/findings-store'
import { useReviewStore } from '../../store/review-store'
import { reviewFacts } from '../review/review-facts'
import { exportBaseName } from '../../domain/export/file-name'
import { downloadText } from './download'

/** `support-call-9b41d7-2025-11-24`: the call's room (or job id) and date. */
export function callFileName(): string {
  const { inputs, timeline } = useCallStore.getState()
  return exportBaseName({
    room: inputs.history?.room,
    jobId: inputs.history?.jobId,
    t0Unix: timeline?.anchor.t0Unix,
    recordingName: inputs.audio?.name,
  })
}

export function exportAlignment() {
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
    `${callFileName()}.turnline.json`,
    JSON.stringify(file, null, 2) + '\n',
    'application/json',
  )
}

export function exportTable(kind: 'vtt' | 'srt' | 'csv') {
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
