/**
 * `npm run bench:align-browser`: the built app in headless Chromium opens a generated 56-minute
 * mono call whose history has `created_at` only, and aligns it automatically. Measures how long the
 * alignment takes once the recording is decoded and the longest main-thread task while it runs
 * and for 2 s after its result is on the page (the bound is 50 ms). Needs espeak-ng, sox, ffmpeg and Chromium. The call has a hold-music
 * block, which the speech model gate hears (it loads onnxruntime and Silero); `BENCH_HOLD=0`
 * generates it without, the normal path on which nothing is loaded.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { generateCall } from '../align-calls/generate'
import { requireTools } from '../align-calls/speech'
import { variantInputs } from '../align-calls/variants'
import { writeOpus } from '../align-calls/write-opus'
import { CHROMIUM_LAUNCH } from '../chromium'

const PORT = 4181
const OUT = 'dist/bench'
const TURNS = Number(process.env.BENCH_TURNS ?? 520)
const HOLD_MUSIC = process.env.BENCH_HOLD !== '0'
/** How long after the status says "placed" main-thread tasks are still counted. */
const AFTER_MS = 2000

function ensureInputs(name: string) {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  mkdirSync(OUT, { recursive: true })
  if (existsSync(join(OUT, `${name}.ogg`))) return
  requireTools()
  const call = generateCall(
    8888,
    { turns: TURNS, holdMusic: HOLD_MUSIC },
    join(tmpdir(), 'turnline-align-speech'),
  )
  const inputs = variantInputs(call, 'created_at_mono')
  writeOpus([inputs.channels[0]!], join(OUT, `${name}.ogg`))
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(inputs.history))
}

async function main() {
  const name = `align-${TURNS}${HOLD_MUSIC ? '' : '-speech-only'}`
  ensureInputs(name)
  const server = await preview({ preview: { port: PORT, strictPort: true } })
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  await page.goto(`http://localhost:${PORT}/?audio=bench/${name}.ogg&history=bench/${name}.json`)
  const status = page.getByTestId('align-status')
  await status.filter({ hasText: 'Aligning' }).waitFor({ timeout: 600_000 })
  const began = await page.evaluate(() => performance.now())
  await status.filter({ hasText: 'placed from the audio' }).waitFor({ timeout: 600_000 })
  const ended = await page.evaluate(() => performance.now())
  // What the result sets off counts too: the re-render, its paint, the words timed again.
  await page.waitForTimeout(AFTER_MS)
  const tasks = await page.evaluate(
    () => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
  )
  const during = tasks.filter(
    (t) => t.start + t.duration >= began - 50 && t.start <= ended + AFTER_MS,
  )
  const longest = Math.max(0, ...during.map((t) => t.duration))
  console.log(
    `${TURNS} turns: aligned in ${Math.round(ended - began)} ms after the decode; ` +
      `longest main-thread task meanwhile ${Math.round(longest)} ms (${during.length} over 50 ms); ` +
      `status: ${await status.textContent()}`,
  )
  // When each one ran, from the start of the alignment: who caused it is in a profile, not here.
  for (const t of during)
    console.log(`  task at +${Math.round(t.start - began)} ms: ${Math.round(t.duration)} ms`)
  console.log(`  alignment ended at +${Math.round(ended - began)} ms`)
  await browser.close()
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
}

void main()
