/**
 * The review screenshots in docs/: the call summary, a filtered transcript and the findings list,
 * on the generated long call. Needs the built app served: `npm run build && npm run preview`, then
 * `BASE_URL=http://localhost:4173 npx tsx scripts/review-call/screenshots.ts`.
 */
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from '../chromium'
import { longCall } from './long-call'

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:4173'
const OUT = new URL('../../docs/', import.meta.url).pathname

async function main() {
  const call = longCall()
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(BASE_URL)
  await page.locator('[data-kind="region"]').first().waitFor()
  await page.getByTestId('file-input').setInputFiles([
    { name: 'long-call.wav', mimeType: 'audio/wav', buffer: Buffer.from(call.wav) },
    { name: 'long-report.json', mimeType: 'application/json', buffer: Buffer.from(call.report) },
  ])
  await page.getByText('long-call.wav · 2 ch').waitFor()
  await page.getByRole('button', { name: 'Play' }).waitFor({ state: 'visible' })
  await page.waitForFunction(
    () =>
      !document.querySelector('button[aria-label="Play"]:disabled, button:disabled[title="Play"]'),
  )

  // A finding or two, so the list and the strip have something to show.
  const slow = call.truth.slow_over_2s
  await page.getByRole('checkbox', { name: 'slower than' }).check()
  for (const [index, note] of [
    [1, 'long silence before the answer'],
    [6, 'tool lookup took over a second'],
  ] as const) {
    await page.locator(`[data-match-id="${slow[index]}"]`).click()
    await page.keyboard.press('f')
    await page.getByLabel('Note').fill(note)
    await page.keyboard.press('Enter')
  }
  await page.locator(`[data-match-id="${slow[6]}"]`).click()

  await page.locator('.player-column').evaluate((column) => column.scrollTo(0, 0))
  await page.screenshot({ path: `${OUT}screenshot-review-filtered.png` })
  await page.getByRole('region', { name: 'Findings' }).screenshot({
    path: `${OUT}screenshot-review-findings.png`,
  })
  await page.getByLabel('Call summary').screenshot({ path: `${OUT}screenshot-review-summary.png` })
  await browser.close()
}

await main()
