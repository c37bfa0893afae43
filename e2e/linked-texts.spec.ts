import type { Page } from '@playwright/test'
import { marks, waitForFullWaveform } from './decode-state'
import { expect, test } from './fixtures'

/**
 * A linked call's texts are downloaded and parsed in the parse worker, asked for by the page's
 * first script; their parse waits for the recording's first waveform, whose decode needs the
 * cores. Observed from what the page posts to its workers and what it fetches itself.
 */
interface Posted {
  /** The worker's script. */
  script: string
  message: unknown
  /** `performance.now()` when it was posted. */
  at: number
}

function recordWorkerMessages(page: Page) {
  return page.addInitScript(() => {
    const posted: Posted[] = []
    const fetched: string[] = []
    Object.assign(window, { posted, fetched })
    const scripts = new WeakMap<Worker, string>()
    const Original = window.Worker
    window.Worker = class extends Original {
      constructor(script: string | URL, options?: WorkerOptions) {
        super(script, options)
        scripts.set(this, String(script))
      }
    }
    // Called with the worker as `this` below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const post = Original.prototype.postMessage
    Original.prototype.postMessage = function (this: Worker, ...args: [unknown, never]) {
      posted.push({ script: scripts.get(this) ?? '', message: args[0], at: performance.now() })
      return post.apply(this, args)
    }
    const pageFetch = window.fetch.bind(window)
    window.fetch = (input, init) => {
      fetched.push(input instanceof Request ? input.url : String(input))
      return pageFetch(input, init)
    }
  })
}

const parseMessages = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { posted: Posted[] }).posted.filter((p) =>
      p.script.includes('parse.worker'),
    ),
  )

const markAt = (page: Page, name: string) =>
  page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, name)

const HISTORY = 'demo/session-report.json'
const TIMINGS = 'demo/timed-strings.json'

test('a linked call’s texts are downloaded by the parse worker from the first script, and parsed once the waveform is drawn', async ({
  page,
}) => {
  await recordWorkerMessages(page)
  await page.goto(`/?audio=demo/audio.ogg&history=${HISTORY}&timings=${TIMINGS}`)
  await expect(page.getByTestId('transcript').locator('li[data-row]').first()).toBeVisible()
  await waitForFullWaveform(page, 'workers')

  for (const reopen of [false, true]) {
    const messages = await parseMessages(page)
    const links = messages.flatMap(({ message, at }) =>
      typeof message === 'object' && message && 'link' in message
        ? [{ ...(message as { link: string; held: boolean }), at }]
        : [],
    )
    expect(links.map(({ link, held }) => [link, held])).toEqual([
      [HISTORY, true],
      [TIMINGS, true],
    ])
    // Before the app's code ran: the app opens the recording.
    for (const { at } of links) expect(at).toBeLessThan(await markAt(page, 'audio:stream'))
    const releases = messages.filter(
      ({ message }) => typeof message === 'object' && message && 'release' in message,
    )
    expect(releases).toHaveLength(1)
    // After the first draw, unless the longest wait (2 s) came first on a slow machine; when the
    // draw came well before it, the draw is what let them go.
    const drawn = await markAt(page, 'waveform:first')
    const longestWait = links[0]!.at + 1990
    expect(releases[0]!.at).toBeGreaterThanOrEqual(Math.min(drawn, longestWait))
    if (drawn < longestWait - 500) expect(releases[0]!.at).toBeLessThan(longestWait)
    // Their bytes never reached the page.
    const fetched = await page.evaluate(() => (window as unknown as { fetched: string[] }).fetched)
    expect(fetched.filter((url) => url.endsWith('.json'))).toEqual([])
    if (reopen) break

    await page.reload()
    await waitForFullWaveform(page, 'cache')
    await expect(page.getByTestId('transcript').locator('li[data-row]').first()).toBeVisible()
    expect(await marks(page)).toContain('peaks:cache-hit')
  }
})
