import type WaveSurfer from 'wavesurfer.js'
import { peakScale } from '../../domain/audio/overview'
import { focusDecode } from '../audio/decode-focus'
import { usePeaksProgress } from '../audio/peaks-progress'
import { setDetailWindow } from './detail-window'
import { peaksForWaveSurfer } from './peaks-view'

/**
 * Keeps a wavesurfer drawn from peaks that are still being decoded: redraws when more are in,
 * tells the decoder where the reviewer is looking, and marks the first and the full draw for
 * the benchmark (`waveform:first`, `waveform:complete`). Reports where the reviewer scrolls to the
 * overview.
 */
export function followPeaks(ws: WaveSurfer, peaks: Float32Array[], duration: number): () => void {
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
      redraw(ws, peaks, duration)
    }),
  ]
  return () => offs.forEach((off) => off())
}

/**
 * wavesurfer draws from views of the very arrays being filled when they are within ±1 (it copies
 * them only to scale them): then a re-render shows the new bins, without `setOptions` copying and
 * scanning the 720,000 bins of an hour again on every redraw.
 */
function redraw(ws: WaveSurfer, peaks: Float32Array[], duration: number) {
  if (ws.getDecodedData()?.getChannelData(0).buffer === peaks[0]?.buffer)
    ws.getRenderer().reRender()
  else ws.setOptions({ peaks: peaksForWaveSurfer(peaks.slice(0, 2)), duration })
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
