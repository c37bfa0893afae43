/**
 * What the waveform benchmark runs inside the page. Kept apart from the driver so that both the
 * app and the wavesurfer.js baseline page are measured by the same code.
 */
import type { Page } from '@playwright/test'

const MARKED = 'bench-mark '
/** The marks the page tells the console of (see `markAfter`): a load's last ones only. */
type ToldMark = 'waveform:complete' | 'waveform:error'
const TOLD: ToldMark[] = ['waveform:complete', 'waveform:error']

/**
 * Added before any page script: long tasks, every media element the page plays, and the marks
 * that end a load told to the console (see `markAfter`). Only those: with DevTools attached, a
 * page's first console call took 5 ms of its main thread.
 */
export const INIT_SCRIPT = `
window.__name = (f) => f;
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if (${JSON.stringify(TOLD)}.includes(e.name)) console.debug('${MARKED}' + e.name);
}).observe({ type: 'mark' });
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

/**
 * The first of `names` the page marks after `navigate` (a `goto`, a `reload`) starts, heard from
 * the console (see `INIT_SCRIPT`). Not by `page.waitForFunction`: its polling makes Playwright
 * run its own 13–17 ms of script on the page's main thread as the new page starts, inside the
 * time being measured.
 */
export async function markAfter(
  page: Page,
  navigate: () => Promise<unknown>,
  names: readonly ToldMark[],
  timeoutMs: number,
): Promise<string> {
  const marked = page.waitForEvent('console', {
    predicate: (m) => m.type() === 'debug' && names.some((name) => m.text() === MARKED + name),
    timeout: timeoutMs,
  })
  // A failed navigation rejects first; the waiter's own rejection is then not left unhandled.
  marked.catch(() => undefined)
  await navigate()
  return (await marked).text().slice(MARKED.length)
}
