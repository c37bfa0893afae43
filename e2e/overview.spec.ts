import { expect, test } from './fixtures'

test('the overview shows the whole call; clicking it moves the playhead and the zoomed view there', async ({
  replay,
  page,
}) => {
  await replay.open()
  const overview = page.getByTestId('overview')
  await expect(overview).toBeVisible()
  await page.getByLabel('Zoom').fill('5')
  const box = await overview.boundingBox()
  if (!box) throw new Error('no overview')
  await overview.click({ position: { x: box.width * 0.75, y: box.height / 2 } })
  const duration = Number(
    (await page.getByText(/audio\.ogg · 2 ch · [\d.]+ s/).textContent())?.match(/([\d.]+) s/)?.[1],
  )
  await expect.poll(() => replay.seconds()).toBeCloseTo(duration * 0.75, 0)
  // The zoomed view scrolled to the playhead: the region under it is in view.
  const scrolled = await page.evaluate(
    () =>
      document
        .querySelector('[data-testid="waveform"]')
        ?.firstElementChild?.shadowRoot?.querySelector('.scroll')?.scrollLeft ?? 0,
  )
  expect(scrolled).toBeGreaterThan(0)
})
