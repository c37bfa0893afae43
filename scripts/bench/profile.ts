/**
 * Where the main thread's long tasks go: opens the built app on one benchmark case in headless
 * Chromium with a devtools trace, waits for the full waveform, steps the zoom, reloads (the cached
 * reopen), and prints for every task over 50 ms what ran inside it (scripts by function, layout
 * and style by the script that forced them). `npx tsx scripts/bench/profile.ts "1 h Opus"`;
 * run `npx vite build` first. Writes bench-results/profile-trace.json for chrome://tracing.
 */
import { writeFileSync } from 'node:fs'
import { openCaseFully } from './waveform-inputs'
import { withBenchPage } from './serve-inputs'

const PORT = Number(process.env.BENCH_PORT ?? 4182)
const LONG_MS = 50
/** Tasks this long get their own breakdown by function. */
const DETAIL_MS = Number(process.env.PROFILE_DETAIL_MS ?? 300)

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  pid: number
  args?: {
    data?: { functionName?: string; url?: string; lineNumber?: number; stackTrace?: Frame[] }
    beginData?: { stackTrace?: Frame[] }
  }
}
interface Frame {
  functionName: string
  url: string
  lineNumber: number
}

const where = (f: Frame | undefined) =>
  f ? `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}` : '(no stack)'

function label(e: TraceEvent): string | undefined {
  const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace
  if (e.name === 'Layout' || e.name === 'UpdateLayoutTree')
    return `${e.name} ← ${where(stack?.[0])}`
  if (e.name === 'FunctionCall') {
    const d = e.args?.data
    return `script ${d?.functionName || '(anon)'} ${d?.url?.split('/').pop() ?? ''}:${d?.lineNumber ?? ''}`
  }
  if (['Paint', 'GCEvent', 'MajorGC', 'MinorGC', 'ParseHTML', 'EvaluateScript'].includes(e.name))
    return e.name
  return undefined
}

interface CpuProfile {
  nodes: { id: number; parent?: number; callFrame: Frame }[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Sampled script time inside `tasks`: by function, self and inclusive (the callers' share). */
function hotFunctions(profile: CpuProfile, tasks: TraceEvent[], title: string) {
  const parent = new Map<number, number>()
  for (const n of profile.nodes)
    for (const c of (n as { children?: number[] }).children ?? []) parent.set(c, n.id)
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms)
  let t = profile.startTime
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    t += profile.timeDeltas[i] ?? 0
    if (!tasks.some((k) => t >= k.ts && t < k.ts + (k.dur ?? 0))) return
    add(self, where(frame.get(id)), ms)
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
      seen.add(where(frame.get(n)))
    for (const k of seen) add(inclusive, k, ms)
  })
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `   ${ms.toFixed(0).padStart(6)} ms  ${k}`)
  console.log(
    `${title}\n  self:\n${top(self, 12).join('\n')}\n  inclusive:\n${top(inclusive, 30).join('\n')}`,
  )
}

function longTasks(events: TraceEvent[], mainTid: number, mainPid: number) {
  return events.filter(
    (e) =>
      e.tid === mainTid &&
      e.pid === mainPid &&
      e.name === 'RunTask' &&
      (e.dur ?? 0) / 1000 > LONG_MS,
  )
}

function summarize(events: TraceEvent[], mainTid: number, mainPid: number, origin: number) {
  const main = events.filter((e) => e.tid === mainTid && e.pid === mainPid && e.ph === 'X')
  const tasks = longTasks(events, mainTid, mainPid)
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    const inside = main.filter((e) => e.ts >= task.ts && e.ts < end && e !== task)
    const byLabel = new Map<string, number>()
    for (const e of inside) {
      const l = label(e)
      if (l) byLabel.set(l, (byLabel.get(l) ?? 0) + (e.dur ?? 0) / 1000)
    }
    const top = [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 6)
    console.log(
      `task at ${Math.round((task.ts - origin) / 1000)} ms: ${Math.round((task.dur ?? 0) / 1000)} ms`,
    )
    for (const [l, ms] of top) console.log(`   ${ms.toFixed(0).padStart(6)} ms  ${l}`)
  }
}

async function main() {
  await withBenchPage(PORT, async (page, browser, c) => {
    // The app's origin first: the profiler follows one renderer process, and navigating from
    // about:blank to the app would start another.
    await page.goto(`http://localhost:${PORT}/favicon.svg`)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await browser.startTracing(page, {
      categories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
      ],
    })
    await openCaseFully(page, PORT, c)
    const slider = page.getByRole('slider', { name: 'Zoom' })
    const max = Number(await slider.getAttribute('max'))
    for (let step = 1; step <= max; step++) await slider.fill(String(step))
    await page.waitForTimeout(500)
    await page.reload()
    await page.waitForFunction(() => performance.getEntriesByName('waveform:complete').length > 0)
    await page.waitForTimeout(500)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    const buffer = await browser.stopTracing()
    writeFileSync('bench-results/profile-trace.json', buffer)
    const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }
    const threadNames = traceEvents.filter(
      (e) => e.name === 'thread_name' && JSON.stringify(e.args).includes('CrRendererMain'),
    )
    const origin = traceEvents.reduce((min, e) => (e.ts > 0 && e.ts < min ? e.ts : min), Infinity)
    for (const t of threadNames) summarize(traceEvents, t.tid, t.pid, origin)
    const renderer = threadNames[0]
    if (!renderer) return
    const tasks = longTasks(traceEvents, renderer.tid, renderer.pid)
    hotFunctions(profile, tasks, 'script inside all long tasks')
    for (const task of tasks.filter((k) => (k.dur ?? 0) > DETAIL_MS * 1000))
      hotFunctions(profile, [task], `task at ${Math.round((task.ts - origin) / 1000)} ms`)
  })
}

await main()
