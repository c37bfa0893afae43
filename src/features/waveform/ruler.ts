import type WaveSurfer from 'wavesurfer.js'
import { rulerLabel } from './ruler-label'
import type { ShownView } from './shown-view'
import { rulerNotches } from './ruler-notches'

/**
 * The time ruler under the waveform, notched only around the shown window. wavesurfer's timeline
 * plugin notches the whole recording and reads each notch's width as it goes: a forced layout per
 * notch, 3,600 an hour, on every redraw and zoom (docs/performance.md). Positions are shares of
 * the recording, so a zoom only needs new notches where the density changes. Redraws come through
 * `redrawn` (see `onRedrawn`).
 */
export function attachRuler(ws: WaveSurfer, duration: number) {
  const root = document.createElement('div')
  root.className = 'tl-ruler'
  root.setAttribute('part', 'timeline')
  ws.getWrapper().appendChild(root)
  let pxPerSecond = 0
  let built = { from: 0, to: 0, pxPerSecond: 0 }

  const show = (start: number, end: number) => {
    if (pxPerSecond <= 0 || duration <= 0) return
    if (built.pxPerSecond === pxPerSecond && start >= built.from && end <= built.to) return
    // A screen either side: scrolling rebuilds once per screen, not once per frame.
    const span = end - start
    built = { from: Math.max(0, start - span), to: Math.min(duration, end + span), pxPerSecond }
    const notches = rulerNotches(built.from, built.to, pxPerSecond).map(({ time, primary }) => {
      const notch = document.createElement('div')
      notch.className = primary ? 'tl-notch tl-notch-primary' : 'tl-notch'
      notch.setAttribute('part', `timeline-notch timeline-notch-${primary ? 'primary' : 'tick'}`)
      notch.style.left = `${(time / duration) * 100}%`
      if (primary) notch.textContent = rulerLabel(time)
      return notch
    })
    root.replaceChildren(...notches)
  }
  const offScroll = ws.on('scroll', (start, end) => show(start, end))
  return {
    redrawn(view: ShownView) {
      pxPerSecond = view.pxPerSecond
      show(view.start, view.end)
    },
    detach() {
      offScroll()
      root.remove()
    },
  }
}
