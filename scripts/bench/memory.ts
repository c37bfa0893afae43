/**
 * Where the waveform benchmark's peak RSS goes (performance.md, "Memory"). Opens the app on one
 * case like `waveform.ts` does, samples every 100 ms the RSS of each of the browser's processes
 * by kind (browser, renderer, GPU, utility) and, every 500 ms, each JS context's heap through
 * CDP (`Runtime.getHeapUsage`, the page and every worker, typed arrays and WASM memories in
 * `backingStorageSize`). Prints the tree's peak above baseline, what each process and context held
 * at that moment, and the same once the load has settled (`MEMORY_SETTLE_S`, default 20 s, the
 * alignment and the word worker included). It drives the page with Playwright, so its totals
 * include the copies of response bodies Chromium keeps for the inspector (see `quiet-browser.ts`,
 * where the benchmark's memory figure comes from). Run after `npx vite build`:
 * `npx tsx scripts/bench/memory.ts "1 h Opus"`.
 */
import { readFileSync } from 'node:fs'
import type { CDPSession, Page } from '@playwright/test'
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from '../chromium'
import { openCaseFully } from './waveform-inputs'
import { INIT_SCRIPT } from './waveform-page'
import { previewWithInputs, servedCase } from './serve-inputs'
import { treeRss } from './process-rss'

const PORT = Number(process.env.BENCH_PORT ?? 4182)
const SETTLE_S = Number(process.env.MEMORY_SETTLE_S ?? 20)
const MB = 1024 * 1024
const TRACE = process.env.MEMORY_TRACE === '1'

type Kinds = Record<string, number>

/** RSS in MB of the browser's process tree, by process kind (`--type=`). */
function rssByKind(rootPid: number): Kinds {
  const kinds: Kinds = {}
  for (const [pid, mb] of treeRss(rootPid)) {
    const kind = processKind(pid, rootPid)
    kinds[kind] = (kinds[kind] ?? 0) + mb
  }
  return kinds
}

function processKind(pid: number, rootPid: number): string {
  if (pid === rootPid) return 'browser'
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/)
    const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'other'
    const service = args
      .find((a) => a.startsWith('--utility-sub-type='))
      ?.split('.')
      .at(-1)
    return service ? `${type}:${service}` : type
  } catch {
    return 'gone'
  }
}

const total = (k: Kinds) => Object.values(k).reduce((a, b) => a + b, 0)

interface Heap {
  usedSize: number
  totalSize: number
  backingStorageSize?: number
}

/** Heap usage of the page and of every worker it starts, through one CDP session. */
async function heapWatcher(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const targets = new Map<string, string>()
  const waiting = new Map<number, (heap: Heap | undefined) => void>()
  let nextId = 1
  cdp.on('Target.attachedToTarget', (event) => {
    const url =
      event.targetInfo.url
        .split('/')
        .at(-1)
        ?.replace(/-[\w-]{8}\.js$/, '') ?? '?'
    targets.set(event.sessionId, `${event.targetInfo.type} ${url}`)
  })
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId) targets.delete(event.sessionId)
  })
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: Heap }
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result)
  })
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  })
  const inTarget = (sessionId: string) =>
    new Promise<Heap | undefined>((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      setTimeout(() => resolve(undefined), 2000)
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' })
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => resolve(undefined))
    })
  return async (): Promise<Record<string, Heap>> => {
    const heaps: Record<string, Heap> = {}
    const own = (await cdp.send('Runtime.getHeapUsage').catch(() => undefined)) as Heap | undefined
    if (own) heaps.page = own
    for (const [sessionId, name] of targets) {
      const heap = await inTarget(sessionId)
      if (heap) heaps[`${name} ${sessionId.slice(0, 4)}`] = heap
    }
    return heaps
  }
}

function printHeaps(heaps: Record<string, Heap>) {
  for (const [name, h] of Object.entries(heaps))
    console.log(
      `  ${name.padEnd(40)} JS used ${(h.usedSize / MB).toFixed(1).padStart(6)} MB` +
        `  buffers/WASM ${((h.backingStorageSize ?? 0) / MB).toFixed(1).padStart(6)} MB`,
    )
}

function printKinds(label: string, kinds: Kinds, baseline: Kinds) {
  const rows = Object.entries(kinds).map(
    ([k, mb]) => `${k} ${mb.toFixed(0)} (+${(mb - (baseline[k] ?? 0)).toFixed(0)})`,
  )
  console.log(`${label}: ${(total(kinds) - total(baseline)).toFixed(0)} MB above baseline`)
  console.log(`  by process, MB: ${rows.join(', ')}`)
}

async function main() {
  const c = servedCase()
  const server = await previewWithInputs(PORT)
  const browserServer = await chromium.launchServer(CHROMIUM_LAUNCH)
  const browser = await chromium.connect(browserServer.wsEndpoint())
  const rootPid = browserServer.process().pid ?? 0
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    await page.addInitScript(INIT_SCRIPT)
    const heaps = await heapWatcher(page)
    const baseline = rssByKind(rootPid)
    let peak = { kinds: baseline, heaps: {} as Record<string, Heap>, at: 0 }
    let latestHeaps: Record<string, Heap> = {}
    let complete = false
    const start = Date.now()
    const sampler = setInterval(() => {
      const kinds = rssByKind(rootPid)
      if (TRACE && (Date.now() - start) % 1000 < 100) {
        const heap = Object.entries(latestHeaps)
          .map(([name, h]) => {
            const js = (h.usedSize / MB).toFixed(0)
            return `${name.split(' ')[1] ?? name} ${js}+${((h.backingStorageSize ?? 0) / MB).toFixed(0)}`
          })
          .join(', ')
        printKinds(`${Date.now() - start} ms (JS + buffers, MB: ${heap})`, kinds, baseline)
      }
      if (!complete && total(kinds) > total(peak.kinds))
        peak = { kinds, heaps: latestHeaps, at: Date.now() - start }
    }, 100)
    let polling = true
    const heapLoop = (async () => {
      while (polling) {
        latestHeaps = await heaps()
        await new Promise((r) => setTimeout(r, 500))
      }
    })()
    await openCaseFully(page, PORT, c)
    complete = true
    const atComplete = Date.now() - start
    printKinds(
      `Peak up to waveform:complete (at ${peak.at} ms of ${atComplete})`,
      peak.kinds,
      baseline,
    )
    console.log('  JS contexts at the last heap sample before the peak:')
    printHeaps(peak.heaps)
    let settledPeak = peak.kinds
    const settleEnd = Date.now() + SETTLE_S * 1000
    while (Date.now() < settleEnd) {
      const kinds = rssByKind(rootPid)
      if (total(kinds) > total(settledPeak)) settledPeak = kinds
      await new Promise((r) => setTimeout(r, 100))
    }
    printKinds(`Peak including ${SETTLE_S} s after`, settledPeak, baseline)
    printKinds('Settled', rssByKind(rootPid), baseline)
    printHeaps(await heaps())
    clearInterval(sampler)
    polling = false
    await heapLoop
  } finally {
    await browser.close()
    await browserServer.close()
    await server.close()
  }
}

await main()
