import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

interface DetailState {
  /** The detail canvases (waveform, played part) and the visible part of the view, on screen. */
  wave: { left: number; right: number }
  view: { left: number; right: number }
  /** Where the played canvas's clip ends and where wavesurfer's cursor is, on screen. */
  playedRight: number
  cursor: number
  /** Share of each lane's pixels the waveform covers. */
  inkTop: number
  inkBottom: number
  /** wavesurfer's own canvases hold no pixels: the detail canvas draws the waveform. */
  wavesurferPixels: number
}

function detailState(page: Page): Promise<DetailState> {
  return page.getByTestId('waveform').evaluate((el): DetailState => {
    const root = el.firstElementChild?.shadowRoot
    const canvases = root?.querySelectorAll<HTMLCanvasElement>('[part="detail"] canvas')
    const wave = canvases?.[0]
    const played = canvases?.[1]
    const scroll = root?.querySelector('.scroll')
    const cursor = root?.querySelector('.cursor')
    if (!wave || !played || !scroll || !cursor) throw new Error('no detail view')
    const ink = (from: number, to: number) => {
      const pixels = wave.getContext('2d')?.getImageData(0, from, wave.width, to - from).data
      let inked = 0
      for (let i = 3; i < (pixels?.length ?? 0); i += 4) if ((pixels?.[i] ?? 0) > 0) inked++
      return inked / (wave.width * (to - from))
    }
    const box = wave.getBoundingClientRect()
    const insetRight = Number(/inset\(0px (-?[\d.]+)px/.exec(played.style.clipPath)?.[1] ?? NaN)
    const own = root?.querySelectorAll<HTMLCanvasElement>('.canvases canvas') ?? []
    return {
      wave: { left: box.left, right: box.right },
      view: {
        left: scroll.getBoundingClientRect().left,
        right: scroll.getBoundingClientRect().right,
      },
      playedRight: played.getBoundingClientRect().right - insetRight,
      cursor: cursor.getBoundingClientRect().left,
      inkTop: ink(0, wave.height / 2),
      inkBottom: ink(wave.height / 2, wave.height),
      wavesurferPixels: Array.from(own).reduce((n, c) => n + c.width * c.height, 0),
    }
  })
}

test('the detail view draws both lanes, covers the view at every zoom and colours the played part up to the cursor', async ({
  replay,
  page,
}) => {
  await replay.open()
  await expect.poll(async () => (await detailState(page)).inkBottom).toBeGreaterThan(0.01)
  const fit = await detailState(page)
  expect(fit.inkTop).toBeGreaterThan(0.01)
  expect(fit.wavesurferPixels).toBe(0)

  const slider = page.getByRole('slider', { name: 'Zoom' })
  const max = Number(await slider.getAttribute('max'))
  for (let step = 1; step <= max; step++) {
    await slider.fill(String(step))
    await replay
      .row((await replay.exportAlignment()).items[3]?.id ?? '')
      .locator('.row-meta')
      .click()
    await expect
      .poll(async () => {
        const s = await detailState(page)
        return s.wave.left <= s.view.left + 1 && s.wave.right >= s.view.right - 1
      }, `zoom step ${step}`)
      .toBe(true)
    const s = await detailState(page)
    expect(s.inkTop + s.inkBottom, `zoom step ${step}`).toBeGreaterThan(0)
    expect(Math.abs(s.playedRight - s.cursor), `zoom step ${step}`).toBeLessThan(3)
  }
})

test('scrolling the zoomed view far away redraws the waveform there', async ({ replay, page }) => {
  await replay.open()
  await page.getByRole('slider', { name: 'Zoom' }).fill('6')
  await page.getByTestId('waveform').evaluate((el) => {
    const scroll = el.firstElementChild?.shadowRoot?.querySelector('.scroll')
    if (scroll) scroll.scrollLeft = scroll.scrollWidth / 2
  })
  await expect
    .poll(async () => {
      const s = await detailState(page)
      return s.wave.left <= s.view.left + 1 && s.wave.right >= s.view.right - 1
    })
    .toBe(true)
})

test('while playing, the played colour follows the cursor', async ({ replay, page }) => {
  await replay.open()
  await page.getByRole('slider', { name: 'Zoom' }).fill('2')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(1)
  await replay.pause()
  const s = await detailState(page)
  expect(Math.abs(s.playedRight - s.cursor)).toBeLessThan(3)
})

test('back at fit width after a zoom, the view does not scroll: no canvas is left beyond it', async ({
  replay,
  page,
}) => {
  await replay.open()
  const slider = page.getByRole('slider', { name: 'Zoom' })
  await slider.fill('4')
  await replay
    .row((await replay.exportAlignment()).items[5]?.id ?? '')
    .locator('.row-meta')
    .click()
  await slider.fill('0')
  await expect
    .poll(() =>
      page.getByTestId('waveform').evaluate((el) => {
        const scroll = el.firstElementChild?.shadowRoot?.querySelector('.scroll')
        return scroll ? scroll.scrollWidth - scroll.clientWidth : NaN
      }),
    )
    .toBe(0)
})
