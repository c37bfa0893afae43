import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 800, height: 900 },
  { width: 600, height: 900 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport })

    test('no horizontal scroll, a waveform at least 120 px high, every control inside the window', async ({
      replay,
      page,
    }) => {
      await replay.open()
      expect(await horizontalOverflow(page)).toBe(0)
      const wave = await page.getByTestId('waveform').boundingBox()
      expect(wave?.height ?? 0).toBeGreaterThanOrEqual(120)
      expect(wave?.width ?? 0).toBeGreaterThanOrEqual(viewport.width * 0.5)
      for (const name of ['Open files…', 'Export offsets (JSON)', 'Undo', 'Reset']) {
        const box = await page.getByRole('button', { name, exact: true }).boundingBox()
        expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0)
        expect((box?.x ?? 0) + (box?.width ?? Infinity), name).toBeLessThanOrEqual(viewport.width)
      }
      const header = await page.locator('header.topbar').boundingBox()
      expect(header?.height ?? Infinity).toBeLessThanOrEqual(130)
    })
  })
}

test('the ruler reads m:ss at every zoom', async ({ replay, page }) => {
  await replay.open()
  const slider = page.getByRole('slider', { name: 'Zoom' })
  const max = Number(await slider.getAttribute('max'))
  for (const step of [0, Math.round(max / 2), max]) {
    await slider.fill(String(step))
    const labels = await page.getByTestId('waveform').evaluate((el) => {
      const root = el.querySelector('div')?.shadowRoot ?? el.shadowRoot
      const host = root ?? el
      return Array.from(host.querySelectorAll('[part~="timeline-notch-primary"]'))
        .map((n) => n.textContent ?? '')
        .filter((t) => t !== '')
    })
    expect(labels.length, `labels at zoom step ${step}`).toBeGreaterThan(0)
    for (const label of labels) expect(label).toMatch(/^\d+:\d\d(\.\d)?$/)
  }
})

test('a legend explains every colour and mark', async ({ replay, page }) => {
  await replay.open()
  await page.getByText('Legend', { exact: true }).click()
  for (const text of [
    'User speech',
    'Agent speech',
    'Both talking at once',
    'Tool call',
    'Words generated but never played',
  ])
    await expect(page.locator('.legend').getByText(text)).toBeVisible()
})
