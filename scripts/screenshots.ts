/**
 * Screenshots of the demo call for docs/: `npm run build`, then
 * `E2E_PORT=4173 npx tsx scripts/screenshots.ts` against `npm run preview -- --port 4173`.
 */
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium'

const port = process.env.E2E_PORT ?? '4173'
const widths = (process.env.WIDTHS ?? '1280,800').split(',').map(Number)
const out = process.env.OUT ?? 'docs'

const browser = await chromium.launch(CHROMIUM_LAUNCH)
for (const width of widths) {
  const page = await browser.newPage({ viewport: { width, height: width >= 1280 ? 800 : 1000 } })
  await page.goto(`http://localhost:${port}/`)
  await page.locator('[data-kind="region"]').first().waitFor()
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor()
  const row = page.getByTestId('transcript').locator('li[data-row]').nth(3)
  await row.locator('.row-meta').click()
  await page.screenshot({ path: `${out}/screenshot-${width}.png`, fullPage: width < 1280 })
  await page.close()
}
await browser.close()
