import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { ReplayPage } from './replay-page'

const demoFile = (name: string) => readFileSync(new URL(`../public/demo/${name}`, import.meta.url))

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

test.describe('a dense window paints its regions on a canvas', () => {
  const MESSAGES = 240

  /** The demo recording with a history of many short turns: too narrow to build at fit width. */
  async function openDenseCall(page: Page) {
    const report = JSON.parse(demoFile('session-report.json').toString('utf8')) as {
      audio_recording_started_at: number
      chat_history: { items: unknown[] }
    }
    const t0 = report.audio_recording_started_at
    report.chat_history.items = Array.from({ length: MESSAGES }, (_, i) => ({
      id: `dense_${i}`,
      type: 'message',
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: [`Turn number ${i}.`],
      interrupted: false,
      extra: {},
      metrics: {
        started_speaking_at: t0 + 0.5 + i * 0.27,
        stopped_speaking_at: t0 + 0.68 + i * 0.27,
      },
    }))
    await page.getByTestId('file-input').setInputFiles([
      { name: 'audio.ogg', mimeType: 'audio/ogg', buffer: demoFile('audio.ogg') },
      {
        name: 'dense-report.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(report)),
      },
    ])
    const layer = page.locator('.tl-layer')
    await expect(layer).toHaveAttribute('data-items', String(MESSAGES))
    await expect
      .poll(async () => Number(await layer.getAttribute('data-painted')))
      .toBeGreaterThan(MESSAGES - 3)
    return layer
  }

  /** The point over a message's middle, in its lane's band. */
  async function pointOver(layer: Locator, replay: ReplayPage, id: string) {
    const box = await layer.boundingBox()
    const exported = await replay.exportAlignment()
    const item = exported.items.find((i) => i.id === id)
    const duration = exported.recording.duration_s
    if (!box || !item || item.end_s === null || !duration) throw new Error(`no region ${id}`)
    const middle = (item.start_s + item.end_s) / 2
    const band = item.role === 'user' ? 0 : 1
    return {
      x: box.x + (middle / duration) * box.width,
      y: box.y + box.height * (band === 0 ? 0.25 : 0.75),
      pxPerSecond: box.width / duration,
      start: item.start_s,
    }
  }

  test('a painted message is selected by a click and moved by a drag', async ({ replay, page }) => {
    await replay.open()
    const layer = await openDenseCall(page)
    await expect(replay.regions).not.toHaveCount(MESSAGES)

    const target = 'dense_101'
    const over = await pointOver(layer, replay, target)
    await page.mouse.click(over.x, over.y)
    await expect(replay.row(target)).toHaveAttribute('aria-selected', 'true')
    await expect(replay.region(target)).toBeVisible()
    // As a click on a region does, it seeks to the message's start, not to where it landed.
    await expect.poll(() => replay.seconds()).toBeCloseTo(over.start, 2)

    const other = await pointOver(layer, replay, 'dense_40')
    await page.keyboard.down('Alt')
    await page.mouse.move(other.x, other.y)
    await page.mouse.down()
    await page.mouse.move(other.x + 20, other.y, { steps: 4 })
    await page.mouse.move(other.x + 40, other.y, { steps: 4 })
    await page.mouse.up()
    await page.keyboard.up('Alt')
    const moved = (await replay.exportAlignment()).items.find((i) => i.id === 'dense_40')
    expect(moved?.start_s).toBeCloseTo(other.start + 40 / other.pxPerSecond, 1)
  })

  test('zoomed in, the same messages are elements again', async ({ replay, page }) => {
    await replay.open()
    const layer = await openDenseCall(page)
    for (let i = 0; i < 4; i++) await page.keyboard.press('+')
    await expect(layer).toHaveAttribute('data-painted', '0')
    await expect(replay.region('dense_0')).toBeVisible()
    for (let i = 0; i < 4; i++) await page.keyboard.press('-')
    await expect
      .poll(async () => Number(await layer.getAttribute('data-painted')))
      .toBeGreaterThan(MESSAGES - 3)
  })
})
