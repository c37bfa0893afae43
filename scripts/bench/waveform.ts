/**
 * `npm run bench`, waveform half: this app and wavesurfer.js's default path (`WaveSurfer.create`
 * with the URL, no peaks) side by side on the same files, in headless Chromium (performance.md
 * §6). Per case and system, the median of BENCH_RUNS runs (default 3) of: first waveform, full
 * waveform cold and on reopen, peak RSS of the browser above its idle baseline (in a load of its
 * own that no tool inspects, `quiet-browser.ts`, which times its full waveform too; under
 * Playwright as well, for comparison), the CPU time its processes used from navigation to the
 * full waveform (steadier than wall time on a shared machine), the longest main-thread task
 * during load, frames over 20 ms during 5 s of 1× and 5 s of 4× playback (with karaoke in the
 * app), seek latency and zoom step. Prints the table and the ratios, writes
 * bench-results/waveform.json. `BENCH_CASES="1 h Opus,1 h WAV"` runs some cases only.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from '@playwright/test'
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from '../chromium'
import { machine } from './machine-speed'
import { treeCpuMs, treeRssMb } from './process-rss'
import type { BenchCase } from './waveform-inputs'
import { CASES, ensureInputs, INPUTS, inputUrls } from './waveform-inputs'
import { INIT_SCRIPT, markAfter, sampleFrames, zoomAppTo } from './waveform-page'
import { quietLoad } from './quiet-browser'
import { previewWithInputs, serveInputs } from './serve-inputs'

const PORT = Number(process.env.BENCH_PORT ?? 4181)
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
/** `BENCH_MBITS=20` serves the inputs at 20 Mbit/s each, as a real link does; unlimited by default. */
const MBITS = Number(process.env.BENCH_MBITS ?? 0)
const LOAD_TIMEOUT_MS = 600_000
const ZOOM_STEPS = 6
const SEEKS = 10
const DONE = ['waveform:complete', 'waveform:error'] as const

type System = 'app' | 'wavesurfer'
/** `BENCH_SYSTEMS=app` skips the baseline while developing. */
const SYSTEMS = (process.env.BENCH_SYSTEMS?.split(',') ?? ['app', 'wavesurfer']) as System[]

interface Run {
  firstMs: number | null
  /** The app only: from opening the recording (bytes in hand, as after a drop) to the first waveform. */
  firstFromOpenMs: number | null
  fullMs: number | null
  reopenFullMs: number | null
  /**
   * The app only: from the start of the recording's download (a reopened link is found in the
   * cache by its key's slices, read in ranges, without waiting for the rest) to the full waveform.
   */
  reopenFromStartMs: number | null
  reopenDecodeJobs: number | null
  /** Peak RSS above baseline in a browser no tool inspects (see `quiet-browser.ts`). */
  peakRssMb: number
  /** The same under Playwright, whose inspector keeps copies of response bodies. */
  inspectedPeakRssMb: number
  /** The full waveform's mark in that uninspected load, ms from navigation. */
  quietFullMs: number | null
  /** CPU time of the browser's processes from navigation to the full waveform (workers included). */
  loadCpuMs: number | null
  longestTaskMs: number
  dropped1x: number
  dropped4x: number
  frames: number
  seekP50Ms: number | null
  zoomStepMaxMs: number | null
  error?: string
}

function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b)
  return known.length === 0 ? null : (known[Math.floor(known.length / 2)] ?? null)
}

function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name)
}

function url(system: System, c: BenchCase): string {
  const base = `http://localhost:${PORT}`
  const files = inputUrls(c, 'bench-waveform')
  if (system === 'wavesurfer') return `${base}/bench-waveform/wavesurfer.html?audio=${c.file}`
  return `${base}/?audio=${files.audio}&history=${files.history}&timings=${files.timings}`
}

async function playbackFrames(page: Page, system: System) {
  await page.evaluate(async (s) => {
    if (s === 'app') document.querySelector<HTMLButtonElement>('button[aria-label="Play"]')?.click()
    else await (window as unknown as { ws: { play(): Promise<void> } }).ws.play()
  }, system)
  const one = await page.evaluate(sampleFrames, 5000)
  await page.evaluate(() => {
    for (const m of (window as unknown as { __media: HTMLMediaElement[] }).__media)
      m.playbackRate = 4
  })
  const four = await page.evaluate(sampleFrames, 5000)
  await page.evaluate(() => {
    for (const m of (window as unknown as { __media: HTMLMediaElement[] }).__media) m.pause()
  })
  return {
    dropped1x: one.filter((d) => d > 20).length,
    dropped4x: four.filter((d) => d > 20).length,
    frames: one.length + four.length,
  }
}

async function seekLatency(page: Page, system: System, seconds: number): Promise<number | null> {
  const times: number[] = []
  for (let i = 0; i < SEEKS; i++) {
    const target = ((i * 7919) % 97) / 97
    times.push(
      await page.evaluate(
        async ({ s, fraction, duration }) => {
          const frame = () => new Promise((r) => requestAnimationFrame(r))
          const t0 = performance.now()
          if (s === 'wavesurfer') {
            const ws = (
              window as unknown as { ws: { setTime(t: number): void; getCurrentTime(): number } }
            ).ws
            const to = fraction * duration
            ws.setTime(to)
            while (Math.abs(ws.getCurrentTime() - to) > 0.3 && performance.now() - t0 < 5000)
              await frame()
            await frame()
            return performance.now() - t0
          }
          const rows = document.querySelectorAll<HTMLElement>(
            '[data-testid="transcript"] li[data-row]',
          )
          const row = rows[Math.floor(fraction * rows.length)]
          const clock = document.querySelector<HTMLElement>('[data-testid="clock"]')
          const to = Number(row?.dataset.start)
          row?.click()
          while (
            Math.abs(Number(clock?.dataset.seconds) - to) > 0.3 &&
            performance.now() - t0 < 5000
          )
            await frame()
          await frame()
          document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')?.click()
          return performance.now() - t0
        },
        { s: system, fraction: target, duration: seconds },
      ),
    )
  }
  return median(times)
}

async function zoomSteps(page: Page, system: System): Promise<number | null> {
  const steps: number[] = []
  for (let i = 1; i <= ZOOM_STEPS; i++)
    steps.push(system === 'app' ? await zoomAppTo(page, i) : await zoomWaveSurfer(page, i))
  if (process.env.BENCH_VERBOSE) console.log('zoom steps (ms)', steps.map(Math.round).join(', '))
  return Math.max(...steps)
}

/** The baseline page's zoom step: `ws.zoom` to 2^step px/s, then two animation frames. */
function zoomWaveSurfer(page: Page, step: number): Promise<number> {
  return page.evaluate(async (step) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r))
    const t0 = performance.now()
    ;(window as unknown as { ws: { zoom(px: number): void } }).ws.zoom(2 ** step)
    await frame()
    await frame()
    return performance.now() - t0
  }, step)
}

async function oneRun(
  browser: Browser,
  rootPid: number,
  system: System,
  c: BenchCase,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.addInitScript(INIT_SCRIPT)
  const baseline = treeRssMb(rootPid)
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(rootPid))), 100)
  const cpuBefore = treeCpuMs(rootPid)
  try {
    const outcome = await markAfter(page, () => page.goto(url(system, c)), DONE, LOAD_TIMEOUT_MS)
    const loadCpuMs = treeCpuMs(rootPid) - cpuBefore
    clearInterval(sampler)
    peak = Math.max(peak, treeRssMb(rootPid))
    const fullMs = await markTime(page, 'waveform:complete')
    const firstMs = await markTime(page, 'waveform:first')
    const openedCold = await markTime(page, 'audio:open')
    const firstFromOpenMs = firstMs !== null && openedCold !== null ? firstMs - openedCold : null
    const longestTaskMs = await page.evaluate(
      (end) =>
        Math.max(
          0,
          ...(
            window as unknown as { __longtasks: { start: number; duration: number }[] }
          ).__longtasks
            .filter((t) => t.start <= end)
            .map((t) => t.duration),
        ),
      fullMs ?? Infinity,
    )
    if (outcome !== 'waveform:complete') {
      const error = await page.evaluate(() => (window as unknown as { wsError?: string }).wsError)
      return {
        ...{ firstMs: null, firstFromOpenMs: null, fullMs: null },
        ...{ reopenFullMs: null, reopenFromStartMs: null },
        reopenDecodeJobs: null,
        ...{ peakRssMb: 0, inspectedPeakRssMb: peak - baseline, quietFullMs: null },
        ...{ loadCpuMs: null, longestTaskMs },
        ...{ dropped1x: 0, dropped4x: 0, frames: 0 },
        ...{ seekP50Ms: null, zoomStepMaxMs: null, error: error ?? 'failed' },
      }
    }
    if (system === 'app')
      await page
        .locator(`.tl-layer[data-drawn-regions="${c.messages}"]`)
        .waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS })
    if (process.env.BENCH_VERBOSE) console.log(await pageTimeline(page))
    const frames = await playbackFrames(page, system)
    const seekP50Ms = await seekLatency(page, system, c.seconds)
    const zoomStepMaxMs = await zoomSteps(page, system)
    // Reopen: the app has its peaks cached by now; wavesurfer decodes again.
    await page.waitForTimeout(1000)
    await markAfter(page, () => page.reload(), DONE, LOAD_TIMEOUT_MS)
    const reopenFullMs = await markTime(page, 'waveform:complete')
    if (process.env.BENCH_VERBOSE) console.log('reopen', await pageTimeline(page))
    const started = await markTime(page, 'audio:stream')
    const reopenFromStartMs =
      reopenFullMs !== null && started !== null ? reopenFullMs - started : null
    const reopenDecodeJobs = await page.evaluate(
      () =>
        (window as unknown as { __turnline?: { decodeJobs: unknown[] } }).__turnline?.decodeJobs
          .length ?? null,
    )
    return {
      firstMs,
      firstFromOpenMs,
      fullMs,
      reopenFullMs,
      reopenFromStartMs,
      reopenDecodeJobs,
      peakRssMb: 0,
      inspectedPeakRssMb: peak - baseline,
      quietFullMs: null,
      loadCpuMs,
      longestTaskMs,
      ...frames,
      seekP50Ms,
      zoomStepMaxMs,
    }
  } finally {
    clearInterval(sampler)
    await context.close()
  }
}

function failedRun(error: unknown): Run {
  return {
    ...{ firstMs: null, firstFromOpenMs: null, fullMs: null },
    ...{ reopenFullMs: null, reopenFromStartMs: null },
    ...{ reopenDecodeJobs: null, peakRssMb: 0, inspectedPeakRssMb: 0, quietFullMs: null },
    ...{ loadCpuMs: null, longestTaskMs: 0 },
    ...{ dropped1x: 0, dropped4x: 0 },
    ...{ frames: 0, seekP50Ms: null, zoomStepMaxMs: null },
    error: error instanceof Error ? error.message.split('\n')[0] : String(error),
  }
}

function summarize(runs: Run[]) {
  const pick = (f: (r: Run) => number | null) => {
    const m = median(runs.map(f))
    return m === null ? null : Math.round(m)
  }
  return {
    firstMs: pick((r) => r.firstMs),
    firstFromOpenMs: pick((r) => r.firstFromOpenMs),
    fullMs: pick((r) => r.fullMs),
    reopenFullMs: pick((r) => r.reopenFullMs),
    reopenFromStartMs: pick((r) => r.reopenFromStartMs),
    reopenDecodeJobs: pick((r) => r.reopenDecodeJobs),
    peakRssMb: pick((r) => r.peakRssMb),
    inspectedPeakRssMb: pick((r) => r.inspectedPeakRssMb),
    quietFullMs: pick((r) => r.quietFullMs),
    loadCpuMs: pick((r) => r.loadCpuMs),
    longestTaskMs: pick((r) => r.longestTaskMs),
    dropped1x: pick((r) => r.dropped1x),
    dropped4x: pick((r) => r.dropped4x),
    frames: pick((r) => r.frames),
    seekP50Ms: pick((r) => r.seekP50Ms),
    zoomStepMaxMs: pick((r) => r.zoomStepMaxMs),
    errors: runs.flatMap((r) => (r.error ? [r.error] : [])),
  }
}

type Summary = ReturnType<typeof summarize>

function ratio(ws: number | null | undefined, app: number | null | undefined): string {
  if (ws === undefined || app === undefined) return '–'
  if (app === null) return 'app failed'
  if (ws === null) return 'wavesurfer failed'
  return app === 0 ? '–' : `${(ws / app).toFixed(1)}×`
}

async function main() {
  const wanted = process.env.BENCH_CASES?.split(',').map((s) => s.trim())
  const cases = wanted ? CASES.filter((c) => wanted.includes(c.id)) : CASES
  ensureInputs(cases)
  serveInputs()
  const [hour, sample] = ['1 h Opus', '5 min Opus'].map((id) => CASES.find((c) => c.id === id))
  const path = (c: BenchCase | undefined) => c && inputUrls(c, INPUTS).audio
  const host = {
    ...(await machine(path(hour), path(sample), await browserVersion())),
    runs: RUNS,
    ...(MBITS > 0 ? { linkMbits: MBITS } : {}),
  }
  console.log('machine', JSON.stringify(host))
  const server = await previewWithInputs(PORT, 0, 'dist', MBITS)
  const results: { case: string; app?: Summary; wavesurfer?: Summary }[] = []
  const save = () => {
    mkdirSync('bench-results', { recursive: true })
    const written = { machine: host, results }
    writeFileSync('bench-results/waveform.json', JSON.stringify(written, null, 2) + '\n')
  }
  try {
    for (const c of cases) {
      const bySystem: Partial<Record<System, Summary>> = {}
      for (const system of SYSTEMS) {
        const runs: Run[] = []
        for (let i = 0; i < RUNS; i++) {
          const browserServer = await chromium.launchServer(CHROMIUM_LAUNCH)
          const browser = await chromium.connect(browserServer.wsEndpoint())
          try {
            const pid = browserServer.process().pid ?? 0
            runs.push(await oneRun(browser, pid, system, c).catch((error) => failedRun(error)))
          } finally {
            await browser.close()
            await browserServer.close()
          }
          const run = runs.at(-1)!
          if (!run.error) {
            const quiet = await quietLoad(url(system, c), DONE, LOAD_TIMEOUT_MS)
            run.peakRssMb = quiet.peakMb
            run.quietFullMs = quiet.mark === 'waveform:complete' ? (quiet.atMs ?? null) : null
          }
          console.log(c.id, system, `run ${i + 1}/${RUNS}`, JSON.stringify(run))
          // A decode that fails once (wavesurfer on 3 h) fails every time: do not repeat it.
          if (run.error) break
        }
        bySystem[system] = summarize(runs)
      }
      results.push({ case: c.id, ...bySystem })
      // Written after every case, so a long run that is stopped still leaves its figures.
      save()
    }
  } finally {
    await server.close()
  }
  const table = results.flatMap((r) =>
    SYSTEMS.map((s) => ({ case: r.case, system: s, ...r[s], errors: r[s]?.errors.join('; ') })),
  )
  console.table(table)
  console.table(
    results.map((r) => ({
      case: r.case,
      'first waveform': ratio(r.wavesurfer?.firstMs, r.app?.firstMs),
      'full cold': ratio(r.wavesurfer?.fullMs, r.app?.fullMs),
      reopen: ratio(r.wavesurfer?.reopenFullMs, r.app?.reopenFullMs),
      'peak RSS': ratio(r.wavesurfer?.peakRssMb, r.app?.peakRssMb),
      'load CPU': ratio(r.wavesurfer?.loadCpuMs, r.app?.loadCpuMs),
      'longest task': ratio(r.wavesurfer?.longestTaskMs, r.app?.longestTaskMs),
    })),
  )
  save()
}

await main()

async function browserVersion(): Promise<string> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  try {
    return browser.version()
  } finally {
    await browser.close()
  }
}

/** The page's marks, its navigation's stages and its long tasks, ms from navigation. */
function pageTimeline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    const stages = ['unloadEventEnd', 'responseEnd', 'domInteractive'] as const
    return JSON.stringify({
      navigation: stages.map((stage) => [stage, Math.round(navigation?.[stage] ?? -1)]),
      marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
      longtasks: (window as unknown as { __longtasks: unknown[] }).__longtasks,
    })
  })
}
