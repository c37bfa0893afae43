/**
 * What the waveform benchmark runs inside the page. Kept apart from the driver so that both the
 * app and the wavesurfer.js baseline page are measured by the same code.
 */
import type { Page } from '@playwright/test'

/** Added before any page script: long tasks, and every media element the page plays. */
export const INIT_SCRIPT = `
window.__name = (f) => f;
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
window.__media = [];
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  if (!window.__media.includes(this)) window.__media.push(this);
  return play.call(this);
};
`

/** The wavesurfer.js default path: `WaveSurfer.create` with the URL, no peaks. */
export const WAVESURFER_PAGE = `<!doctype html>
<meta charset="utf-8" />
<title>wavesurfer default</title>
<div id="waveform" style="width: 1300px"></div>
<script type="module">
  import WaveSurfer from './wavesurfer.esm.js'
  const url = new URLSearchParams(location.search).get('audio')
  const ws = WaveSurfer.create({ container: '#waveform', url })
  window.ws = ws
  ws.on('ready', () => {
    performance.mark('waveform:first')
    performance.mark('waveform:complete')
  })
  ws.on('error', (e) => {
    window.wsError = String(e)
    performance.mark('waveform:error')
  })
</script>
`

/** Frame intervals (ms) over `ms` of wall time. */
export async function sampleFrames(ms: number): Promise<number[]> {
  const deltas: number[] = []
  let last = performance.now()
  await new Promise<void>((resolve) => {
    const end = last + ms
    const loop = (now: number) => {
      deltas.push(now - last)
      last = now
      if (now < end) requestAnimationFrame(loop)
      else resolve()
    }
    requestAnimationFrame(loop)
  })
  return deltas.slice(1)
}

/**
 * One zoom step of the app, as a user's input makes it: the slider set to `level` (at most its
 * max), then two animation frames, the paint and the one after. Its wall time in ms; `mark`
 * brackets it with `performance` marks (`<mark>:start`, `<mark>:end`) for a trace.
 */
export function zoomAppTo(page: Page, level: number, mark?: string): Promise<number> {
  return page.evaluate(
    async ({ level, mark }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Zoom"]')
      if (!input) return NaN
      // The native setter: React ignores an input event for a value set through its own.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
      if (mark) performance.mark(`${mark}:start`)
      const t0 = performance.now()
      setter?.call(input, String(Math.min(Number(input.max), level)))
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await frame()
      await frame()
      const wall = performance.now() - t0
      if (mark) performance.mark(`${mark}:end`)
      return wall
    },
    { level, mark },
  )
}
