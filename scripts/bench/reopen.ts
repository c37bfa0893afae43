/**
 * A linked call reopened again and again: the app's reopen from navigation to its full waveform
 * (`waveform:complete`), from the page's first script (`page:script`, which starts the lookup)
 * and from the start of the recording's download (`audio:stream`), over
 * `REOPEN_RUNS` reloads (default 10) of one page, after one cold open that fills the cache; with
 * `REOPEN_LATENCY_MS`, each response for the recording starts that much later. The cache lookup
 * starts with the page's first script, before the download, so the figure from navigation is
 * the one a reviewer waits for. The benchmark does one reopen per run, right after its cold open;
 * this is the figure to compare builds by. Run after `npx vite build`:
 * `npx tsx scripts/bench/reopen.ts "1 h Opus"`.
 */
import type { Browser, Page } from '@playwright/test'
import type { BenchCase } from './waveform-inputs'
import { openCaseFully } from './waveform-inputs'
import { markAfter } from './waveform-page'
import { withBenchPage } from './serve-inputs'

const PORT = Number(process.env.BENCH_PORT ?? 4186)
const RUNS = Number(process.env.REOPEN_RUNS ?? 10)
/** Lets the cold open's cache write and the previous reload's work end first. */
const PAUSE_MS = 700
/** A round trip added before every response for the inputs: a link to a server far away. */
const LATENCY_MS = Number(process.env.REOPEN_LATENCY_MS ?? 0)

async function reopenAgainAndAgain(page: Page, _browser: Browser, c: BenchCase) {
  await openCaseFully(page, PORT, c)
  await page.waitForTimeout(1500)
  const fromStart: number[] = []
  const fromScript: number[] = []
  const fromNavigation: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await markAfter(page, () => page.reload(), ['waveform:complete'], 60_000)
    const [script, start, complete] = await page.evaluate(() =>
      ['page:script', 'audio:stream', 'waveform:complete'].map(
        (n) => performance.getEntriesByName(n)[0]?.startTime,
      ),
    )
    if (start === undefined || complete === undefined) throw new Error('a mark is missing')
    // Older builds have no `page:script`.
    if (script !== undefined) fromScript.push(Math.round(complete - script))
    fromStart.push(Math.round(complete - start))
    fromNavigation.push(Math.round(complete))
    await page.waitForTimeout(PAUSE_MS)
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]
  console.log(
    `${c.id}${LATENCY_MS ? ` over a ${LATENCY_MS} ms link` : ''}: reopen from navigation ` +
      `${median(fromNavigation)} ms (${Math.min(...fromNavigation)}–${Math.max(...fromNavigation)}), ` +
      `from the first script ${fromScript.length ? `${median(fromScript)} ms` : '–'}, ` +
      `from download start ${median(fromStart)} ms, ` +
      `over ${RUNS} reloads: ${fromNavigation.join(', ')}`,
  )
}

await withBenchPage(PORT, reopenAgainAndAgain, LATENCY_MS)
