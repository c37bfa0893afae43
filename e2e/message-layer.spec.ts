import { expect, test } from './fixtures'

const ZOOM_LEVELS = 6

test.describe('the message layer builds only the regions around the view', () => {
  test('zoomed in, far regions are not in the page until the view moves to them', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const spoken = (await replay.exportAlignment()).items.filter((i) => i.end_s !== null)
    const first = spoken[0]
    const last = spoken.at(-1)
    if (!first || !last) throw new Error('missing messages')
    for (let i = 0; i < ZOOM_LEVELS; i++) await page.keyboard.press('+')
    await expect(replay.region(last.id)).toHaveCount(0)
    await expect(replay.region(first.id)).toBeVisible()
    await expect.poll(() => replay.regions.count()).toBeLessThan(spoken.length)

    await replay.row(last.id).locator('.row-meta').click()
    await expect.poll(() => replay.seconds()).toBeCloseTo(last.start_s, 2)
    await expect(replay.region(last.id)).toBeVisible()
    await expect(replay.region(first.id)).toHaveCount(0)

    for (let i = 0; i < ZOOM_LEVELS; i++) await page.keyboard.press('-')
    await expect(replay.regions).toHaveCount(spoken.length)
  })

  test('zoomed in, the arrow keys walk to regions outside the view', async ({ replay, page }) => {
    await replay.open()
    const spoken = (await replay.exportAlignment()).items.filter((i) => i.end_s !== null)
    const last = spoken.at(-1)
    if (!last) throw new Error('missing messages')
    for (let i = 0; i < ZOOM_LEVELS; i++) await page.keyboard.press('+')
    await expect(replay.region(last.id)).toHaveCount(0)
    await replay.region(spoken[0]?.id ?? '').focus()
    const focused = page.locator('[data-id]:focus')
    for (let i = 0; i < 40; i++) {
      if ((await focused.getAttribute('data-id')) === last.id) break
      await page.keyboard.press('ArrowRight')
    }
    await expect(focused).toHaveAttribute('data-id', last.id)
    await expect(replay.row(last.id)).toHaveAttribute('aria-selected', 'true')
  })
})
