import { buildAlignmentExport } from '../../domain/export/alignment'
import { toSrt, toWebVtt } from '../../domain/export/captions'
import { toCsv } from '../../domain/export/csv'
import { toExportFindings } from '../../domain/review/findings'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useFindingsStore } from '../../store/findings-store'
import { useReviewStore } from '../../store/review-store'
import { useWordTimingStore } from '../../store/word-timing-store'
import { reviewFacts } from '../review/review-facts'
import { exportBaseName } from '../../domain/export/file-name'
import { useAlignStore } from '../align/run-alignment'
import { nextTask } from '../loading/next-task'
import { timeCurrentWords } from '../words/time-current-words'
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

/** What an export of the offsets still waits for, in plain words; undefined when nothing. */
export function exportWaitsFor(): string | undefined {
  const audio = useCallStore.getState().inputs.audio
  if (!audio) return undefined
  if (audio.decodingRest) return 'Decoding the rest of the recording for the export…'
  if (useAlignStore.getState().running) return 'Aligning to the audio for the export…'
  if (!audio.features) return undefined
  // The page asks a task after a change; the export cannot wait for that.
  timeCurrentWords()
  const pending = useWordTimingStore.getState().pending
  if (pending === 0) return undefined
  return `Timing the words of ${pending} more ${pending === 1 ? 'message' : 'messages'} for the export…`
}

/**
 * The offsets carry every message's words: while the recording still decodes, an alignment runs
 * or the word worker has messages left to time, the export waits for them (another call cancels
 * it). `waiting` hears what it waits for, then undefined; the returned function gives up.
 */
export function exportAlignmentWhenTimed(waiting: (what: string | undefined) => void): () => void {
  const forTimeline = useCallStore.getState().timeline
  let finished = false
  let scheduled = false
  const stop = () => {
    finished = true
    offs.forEach((off) => off())
    waiting(undefined)
  }
  const check = () => {
    scheduled = false
    if (finished) return
    if (useCallStore.getState().timeline !== forTimeline) return stop()
    const what = exportWaitsFor()
    if (what !== undefined) return waiting(what)
    stop()
    exportAlignment()
  }
  // Checked a task after a change, never inside one: asking for words changes a store itself.
  const schedule = () => {
    if (scheduled || finished) return
    scheduled = true
    void nextTask().then(check)
  }
  const offs = [
    useCallStore.subscribe(schedule),
    useAlignStore.subscribe(schedule),
    useWordTimingStore.subscribe(schedule),
  ]
  check()
  return stop
}
