/**
 * Browser half of `npm run bench`: the built app in headless Chromium on a synthetic 1 h stereo
 * call (ffmpeg noise gated per channel, 2,000 messages / 20,000 words with timings). Measures what
 * performance.md §7.2 targets: time until every region is drawn, peak renderer memory, frame
 * times with karaoke during playback, nudge and seek latency. Needs ffmpeg and Chromium.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { CHROMIUM_LAUNCH } from '../chromium'
import { syntheticCall } from './synthetic-call'
import { makeHour } from './waveform-inputs'

/** `BENCH_HOURS=3 BENCH_MESSAGES=10000 npx tsx scripts/bench/browser.ts` runs the S-3h case. */
const HOURS = Math.max(1, Math.round(Number(process.env.BENCH_HOURS ?? 1)))
const DURATION_S = 3600 * HOURS
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000)
const WORDS = 10
const PORT = 4180
const OUT = 'dist/bench'

function ensureInputs() {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  mkdirSync(OUT, { recursive: true })
  const hour = join(OUT, 'call-1h.ogg')
  const audio = join(OUT, `call-${HOURS}h.ogg`)
  if (!existsSync(hour)) makeHour(hour)
  if (!existsSync(audio)) {
    const loop = ['-loglevel', 'error', '-y', '-stream_loop', String(HOURS - 1), '-i', hour]
    execFileSync('ffmpeg', [...loop, '-c', 'copy', audio])
  }
  const scale = DURATION_S / (MESSAGES * (WORDS * 0.395 + 0.6) + 1)
  const call = syntheticCall(MESSAGES, WORDS, scale)
  writeFileSync(join(OUT, `report-${HOURS}h.json`), call.report)
  writeFileSync(join(OUT, `timings-${HOURS}h.json`), call.timings)
}

const SHOWN = 'turnline: shown'

interface Shown {
  row?: number
  regions?: number
}

/**
 * Notes, from navigation, the first frame that shows a transcript row and the frame that shows
 * every region. Playwright's locator waits poll up to 500 ms apart, which added up to half a
 * second to these figures before stop 35. Regions live in wavesurfer.js's shadow root.
 */
function WATCH_SHOWN({ messages, told }: { messages: number; told: string }) {
  // Told by the console once both are seen: Playwright's polling would run on the loading page.
  const shown: Shown = {}
  ;(window as unknown as { __shown: Shown }).__shown = shown
  const watch = () => {
    shown.row ??= document.querySelector('[data-testid="transcript"] li[data-row]')
      ? Math.round(performance.now())
      : undefined
    const drawn = [...document.querySelectorAll('[data-testid="waveform"] *')].some((host) =>
      host.shadowRoot?.querySelector(`.tl-layer[data-drawn-regions="${messages}"]`),
    )
    shown.regions ??= drawn ? Math.round(performance.now()) : undefined
    if (shown.row === undefined || shown.regions === undefined) requestAnimationFrame(watch)
    else console.debug(told)
  }
  requestAnimationFrame(watch)
}

function chromiumRssMb(): number {
  const out = execFileSync('ps', ['-C', 'chromium,chrome,headless_shell', '-o', 'rss='], {
    encoding: 'utf8',
  })
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function main() {
  ensureInputs()
  const server = await preview({ preview: { port: PORT, strictPort: true } })
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  // tsx (esbuild keepNames) wraps the functions sent to page.evaluate in a __name helper.
  await page.addInitScript('window.__name = (f) => f')
  await page.addInitScript(WATCH_SHOWN, { messages: MESSAGES, told: SHOWN })
  const baseline = chromiumRssMb()
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 100)
  const allShown = page.waitForEvent('console', {
    predicate: (m) => m.text() === SHOWN,
    timeout: 300_000,
  })
  await page.goto(
    `http://localhost:${PORT}/?audio=bench/call-${HOURS}h.ogg&history=bench/report-${HOURS}h.json&timings=bench/timings-${HOURS}h.json`,
  )
  await allShown
  const { row: transcriptMs, regions: regionsDrawnMs } = await page.evaluate(
    () => (window as unknown as { __shown: Required<Shown> }).__shown,
  )
  clearInterval(sampler)
  const afterLoad = chromiumRssMb()

  const frames = await page.evaluate(async () => {
    const play = document.querySelector<HTMLButtonElement>('button[aria-label="Play"]')
    play?.click()
    const deltas: number[] = []
    let last = performance.now()
    await new Promise<void>((resolve) => {
      const end = last + 5000
      const loop = (now: number) => {
        deltas.push(now - last)
        last = now
        if (now < end) requestAnimationFrame(loop)
        else resolve()
      }
      requestAnimationFrame(loop)
    })
    document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')?.click()
    return deltas.slice(1)
  })

  // Regions live in wavesurfer.js's shadow root, and an element may be drawn anew: a region is
  // found again by its message's id every frame.
  const nudgeMs = await page.evaluate(async () => {
    const layer = [...document.querySelectorAll('[data-testid="waveform"] *')]
      .map((host) => host.shadowRoot?.querySelector('.tl-layer'))
      .find((found) => found)
    const regionStart = (id: string) =>
      layer?.querySelector<HTMLElement>(`[data-kind="region"][data-id="${id}"]`)?.dataset.start
    const id = layer?.querySelector<HTMLElement>('[data-kind="region"]')?.dataset.id
    const button = document.querySelector<HTMLButtonElement>('button[aria-label^="Nudge +100 ms"]')
    if (!id || !button) throw new Error('no region or no nudge button to measure the nudge by')
    const before = regionStart(id)
    const t0 = performance.now()
    button.click()
    while (regionStart(id) === before) {
      if (performance.now() - t0 > 10_000) throw new Error('the nudge moved no region in 10 s')
      await new Promise((r) => requestAnimationFrame(r))
    }
    await new Promise((r) => requestAnimationFrame(r))
    return performance.now() - t0
  })

  const seeks: number[] = []
  for (let i = 0; i < 10; i++) {
    seeks.push(
      await page.evaluate(
        async (n) => {
          const rows = document.querySelectorAll<HTMLElement>(
            '[data-testid="transcript"] li[data-row]',
          )
          const row = rows[n % rows.length]
          const clock = document.querySelector<HTMLElement>('[data-testid="clock"]')
          const target = Number(row?.dataset.start)
          const t0 = performance.now()
          row?.click()
          while (
            Math.abs(Number(clock?.dataset.seconds) - target) > 0.3 &&
            performance.now() - t0 < 5000
          )
            await new Promise((r) => requestAnimationFrame(r))
          document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')?.click()
          return performance.now() - t0
        },
        i * 3 + 1,
      ),
    )
  }
  await browser.close()
  await server.close()

  const result = {
    scenario: `S-${HOURS}h: ${DURATION_S / 60} min stereo Opus 32 kb/s, ${MESSAGES} messages / ${MESSAGES * WORDS} words`,
    transcriptInteractiveMs: transcriptMs,
    regionsDrawnMs,
    rendererPeakRssMbAboveBaseline: Math.round(peak - baseline),
    rssAfterLoadMbAboveBaseline: Math.round(afterLoad - baseline),
    playbackFrames: frames.length,
    frameP50Ms: +percentile(frames, 50).toFixed(1),
    frameP95Ms: +percentile(frames, 95).toFixed(1),
    framesOver20Ms: frames.filter((d) => d > 20).length,
    nudgeAllToNextFrameMs: Math.round(nudgeMs),
    seekP50Ms: Math.round(percentile(seeks, 50)),
    seekMaxMs: Math.round(Math.max(...seeks)),
  }
  console.table(result)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(`bench-results/browser-${HOURS}h.json`, JSON.stringify(result, null, 2) + '\n')
}

await main()
