import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 800, height: 900 },
]

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

for (const viewport of VIEWPORTS) {
  test.describe(`accessibility at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    test('no critical or serious axe violations: main view, a selection, a warning open', async ({
      replay,
      page,
    }) => {
      test.slow() // axe walks the whole page three times, on a shared CPU
      await replay.open()
      expect(await seriousViolations(page), 'main view').toEqual([])

      const spoken = (await replay.exportAlignment()).items.filter((i) => i.end_s !== null)
      await replay
        .row(spoken[1]?.id ?? '')
        .locator('.row-meta')
        .click()
      await expect(page.getByRole('region', { name: 'Selected item' })).toContainText('Start')
      expect(await seriousViolations(page), 'with a selection').toEqual([])

      // A history without an anchor: the recording start is guessed, and a check says so.
      await replay.open(
        '/?audio=demo/audio.ogg&history=demo/history.json&timings=demo/timed-strings.json',
      )
      await page.locator('details.data-warnings > summary').click()
      await expect(page.locator('details.data-warnings')).toHaveAttribute('open', '')
      expect(await seriousViolations(page), 'with a warning open').toEqual([])
    })
  })
}
