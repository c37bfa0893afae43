import type WaveSurfer from 'wavesurfer.js'
import { peakScale } from '../../domain/audio/overview'
import { focusDecode } from '../audio/decode-focus'
import { usePeaksProgress } from '../audio/peaks-progress'
import { setDetailWindow } from './detail-window'

/**
 * Keeps the detail view drawn from peaks that are still being decoded: redraws when more are in,
 * tells the decoder where the reviewer is looking, and marks the first and the full draw for
 * the benchmark (`waveform:first`, `waveform:complete`). Reports where the reviewer scrolls to the
 * overview.
 */
export function followPeaks(
  ws: WaveSurfer,
  peaks: Float32Array[],
  redraw: () => boolean,
): () => void {
  let markedFirst = false
  let markedComplete = false
  const drawn = () => {
    const { complete } = usePeaksProgress.getState()
    if (!markedFirst) performance.mark('waveform:first')
    markedFirst = true
    if (complete && !markedComplete) performance.mark('waveform:complete')
    markedComplete ||= complete
  }
  const offs = [
    ws.on('ready', drawn),
    ws.on('redrawcomplete', drawn),
    ws.on('scroll', (start, end) => {
      focusDecode(start)
      setDetailWindow({ start, end })
    }),
    ws.on('seeking', (time) => focusDecode(time)),
    usePeaksProgress.subscribe((now, before) => {
      if (now.peaks !== peaks || now.version === before.version) return
      if (redraw()) drawn()
    }),
  ]
  return () => offs.forEach((off) => off())
}

/** The loudest peak of the drawn channels, found again only when more of them is decoded. */
export function scaleOf(peaks: Float32Array[]): () => number {
  let known = { version: -1, value: 1 }
  return () => {
    const { version } = usePeaksProgress.getState()
    if (known.version !== version) known = { version, value: peakScale(peaks.slice(0, 2)) }
    return known.value
  }
}
