import type WaveSurfer from 'wavesurfer.js'
import { peakScale } from '../../domain/audio/overview'
import { focusDecode } from '../audio/decode-focus'
import { usePeaksProgress } from '../audio/peaks-progress'
import { setDetailWindow } from './detail-window'
import { peaksForWaveSurfer } from './peaks-view'

/**
 * Keeps a wavesurfer drawn from peaks that are still being decoded: redraws when more are in,
 * tells the decoder where the reviewer is looking, and marks the first and the full draw for
 * the benchmark (`waveform:first`, `waveform:complete`). Reports what the detail view shows to the
 * overview.
 */
export function followPeaks(ws: WaveSurfer, peaks: Float32Array[], duration: number): () => void {
  const drawn = peaksForWaveSurfer(peaks.slice(0, 2))
  let markedFirst = false
  let markedComplete = false
  const marked = () => {
    const { complete } = usePeaksProgress.getState()
    if (!markedFirst) performance.mark('waveform:first')
    markedFirst = true
    if (complete && !markedComplete) performance.mark('waveform:complete')
    markedComplete ||= complete
  }
  const reportWindow = () => {
    const total = ws.getWrapper().scrollWidth
    if (total <= 0) return
    const scroll = ws.getScroll()
    const end = Math.min(duration, ((scroll + ws.getWidth()) / total) * duration)
    setDetailWindow({ start: (scroll / total) * duration, end })
  }
  const offs = [
    ws.on('ready', marked),
    ws.on('redrawcomplete', marked),
    ws.on('redrawcomplete', reportWindow),
    ws.on('zoom', reportWindow),
    ws.on('scroll', (start, end) => {
      focusDecode(start)
      setDetailWindow({ start, end })
    }),
    ws.on('seeking', (time) => focusDecode(time)),
    usePeaksProgress.subscribe((now, before) => {
      if (now.peaks !== peaks || now.version === before.version) return
      ws.setOptions({ peaks: drawn, duration })
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
