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
    `${baseName(recording.file)}.turnline.json`,
    JSON.stringify(file, null, 2) + '\n',
    'application/json',
  )
}

export function exportTable(kind: 'vtt' | 'srt' | 'csv') {
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
