import type WaveSurfer from 'wavesurfer.js'
import { peakScale, scaleOfLoudest } from '../../domain/audio/overview'
import { focusDecode } from '../audio/decode-focus'
import { openingSettled } from '../audio/decode-gate'
import { placedOf, usePeaksProgress } from '../audio/peaks-progress'
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
    if (!markedFirst) {
      performance.mark('waveform:first')
      openingSettled()
    }
    markedFirst = true
    if (complete && !markedComplete) {
      performance.mark('waveform:complete')
      usePeaksProgress.setState({ shown: peaks })
    }
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

/**
 * The loudest peak of the drawn channels: kept by the decode while it fills them, else found
 * again (a walk over every bin) only when the peaks change.
 */
export function scaleOf(peaks: Float32Array[]): () => number {
  let known = { version: -1, value: 1 }
  return () => {
    const { version } = usePeaksProgress.getState()
    if (known.version === version) return known.value
    const loudest = placedOf(peaks)?.loudest.slice(0, 2)
    const value = loudest ? scaleOfLoudest(loudest) : peakScale(peaks.slice(0, 2))
    known = { version, value }
    return value
  }
}
