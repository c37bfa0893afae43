import type WaveSurfer from 'wavesurfer.js'
import { focusDecode } from '../audio/decode-focus'
import { usePeaksProgress } from '../audio/peaks-progress'

/**
 * Keeps a wavesurfer drawn from peaks that are still being decoded: redraws when more are in,
 * tells the decoder where the reviewer is looking, and marks the first and the full draw for
 * the benchmark (`waveform:first`, `waveform:complete`).
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
    ws.on('scroll', (start) => focusDecode(start)),
    ws.on('seeking', (time) => focusDecode(time)),
    usePeaksProgress.subscribe((now, before) => {
      if (now.peaks !== peaks || now.version === before.version) return
      ws.setOptions({ peaks: peaks.slice(0, 2), duration })
    }),
  ]
  return () => offs.forEach((off) => off())
}
