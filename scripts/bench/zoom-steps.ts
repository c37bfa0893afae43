/**
 * The zoom step alone, measured as the waveform benchmark does (the slider's input event, then two
 * animation frames) and from a devtools trace: the main thread's tasks inside each step, their
 * wall time and their CPU (thread) time, which a shared machine's load disturbs much less.
 * `BENCH_PORT=4192 npx tsx scripts/bench/zoom-steps.ts "1 h Opus"` after `npx vite build`;
 * `ZOOM_ROUNDS` (default 3) rounds of the six steps up from the fit width.
 */
import { writeFileSync } from 'node:fs'
import { openCaseFully } from './waveform-inputs'
import { zoomAppTo } from './waveform-page'
import { withBenchPage } from './serve-inputs'

const PORT = Number(process.env.BENCH_PORT ?? 4182)
const ROUNDS = Math.max(1, Number(process.env.ZOOM_ROUNDS ?? 3))
/** Wait between steps; 0 steps back to back, as the waveform benchmark does. */
const PAUSE_MS = Number(process.env.ZOOM_PAUSE_MS ?? 300)

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  tid: number
  pid: number
  args?: unknown
}

interface Step {
  round: number
  level: number
  wallMs: number
  taskMs: number
  cpuMs: number
}

/** Where the first round's steps went: main-thread trace events by name (nested ones overlap). */
function printDetail(
  events: TraceEvent[],
  main: TraceEvent | undefined,
  marks: Map<string, number>,
  walls: { round: number; level: number }[],
) {
  for (const { round, level } of walls.filter((w) => w.round === 0)) {
    const from = marks.get(`zs:${round}:${level}:start`) ?? 0
    const to = marks.get(`zs:${round}:${level}:end`) ?? 0
    const byName = new Map<string, number>()
    for (const e of events)
      if (e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid && e.ts >= from && e.ts < to)
        byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000)
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 10)
    console.log(`step ${level}: ${top.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`)
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2
}

async function main() {
  await withBenchPage(PORT, async (page, browser, c) => {
    await openCaseFully(page, PORT, c)
    await page.waitForTimeout(1000)
    await browser.startTracing(page, {
      categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'],
    })
    const walls: { round: number; level: number; wallMs: number }[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await zoomAppTo(page, 0, `zs:${round}:0`)
      await page.waitForTimeout(PAUSE_MS)
      for (let level = 1; level <= 6; level++) {
        walls.push({ round, level, wallMs: await zoomAppTo(page, level, `zs:${round}:${level}`) })
        await page.waitForTimeout(PAUSE_MS)
      }
    }
    const buffer = await browser.stopTracing()
    const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }
    if (process.env.ZOOM_TRACE) writeFileSync(process.env.ZOOM_TRACE, buffer)
    const firstMark = traceEvents.find((e) => e.name.startsWith('zs:'))
    const main = traceEvents.find(
      (e) =>
        e.name === 'thread_name' &&
        e.pid === firstMark?.pid &&
        JSON.stringify(e.args).includes('CrRendererMain'),
    )
    const marks = new Map(
      traceEvents.filter((e) => e.name.startsWith('zs:')).map((e) => [e.name, e.ts] as const),
    )
    const tasks = traceEvents.filter(
      (e) =>
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        e.ph === 'X' &&
        e.tid === main?.tid &&
        e.pid === main?.pid,
    )
    // Top-level tasks only: a nested one's time is already in its parent's.
    const outer = tasks.filter(
      (t) =>
        !tasks.some((p) => p !== t && p.ts <= t.ts && p.ts + (p.dur ?? 0) >= t.ts + (t.dur ?? 0)),
    )
    const steps: Step[] = walls.map(({ round, level, wallMs }) => {
      const from = marks.get(`zs:${round}:${level}:start`) ?? 0
      const to = marks.get(`zs:${round}:${level}:end`) ?? 0
      const inside = outer.filter((t) => t.ts + (t.dur ?? 0) > from && t.ts < to)
      const sum = (f: (t: TraceEvent) => number) => inside.reduce((a, t) => a + f(t), 0) / 1000
      return {
        round,
        level,
        wallMs,
        taskMs: sum((t) => t.dur ?? 0),
        cpuMs: sum((t) => t.tdur ?? 0),
      }
    })
    if (process.env.ZOOM_DETAIL) printDetail(traceEvents, main, marks, walls)
    console.table(
      steps.map((s) => ({
        ...s,
        wallMs: s.wallMs.toFixed(1),
        taskMs: s.taskMs.toFixed(1),
        cpuMs: s.cpuMs.toFixed(1),
      })),
    )
    const perRound = [...Array(ROUNDS).keys()].map((round) => {
      const of = steps.filter((s) => s.round === round)
      return {
        maxWall: Math.max(...of.map((s) => s.wallMs)),
        maxTask: Math.max(...of.map((s) => s.taskMs)),
        maxCpu: Math.max(...of.map((s) => s.cpuMs)),
      }
    })
    const fmt = (xs: number[]) =>
      `median ${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
    console.log(`max of 6 steps, wall (input to 2nd frame): ${fmt(perRound.map((r) => r.maxWall))}`)
    console.log(`max of 6 steps, main-thread tasks: ${fmt(perRound.map((r) => r.maxTask))}`)
    console.log(`max of 6 steps, main-thread CPU: ${fmt(perRound.map((r) => r.maxCpu))}`)
  })
}

await main()
