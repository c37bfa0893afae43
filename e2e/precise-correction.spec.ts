import { expect, test } from './fixtures'

test.describe('precise correction', () => {
  test('dragging the start edge moves only that start, in the app and in the export', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    const target = before.items.filter((i) => i.end_s !== null)[2]
    if (!target) throw new Error('missing message')
    const box = await replay.region(target.id).boundingBox()
    if (!box) throw new Error('region not visible')
    const y = box.y + box.height / 2
    await page.mouse.move(box.x + 2, y)
    await page.mouse.down()
    await page.keyboard.down('Alt')
    await page.mouse.move(box.x + 12, y, { steps: 4 })
    await page.mouse.move(box.x + 22, y, { steps: 4 })
    await expect(page.getByText(/^start \+\d+\.\d{3} s → \d\d:\d\d\.\d{3}$/)).toBeVisible()
    await page.mouse.up()
    await page.keyboard.up('Alt')
    await expect(page.getByText(/with a start or end moved/)).toBeVisible()
    const after = await replay.exportAlignment()
    const moved = after.items.find((i) => i.id === target.id)
    expect(moved?.end_s).toBe(target.end_s)
    const delta = (moved?.start_s ?? 0) - target.start_s
    expect(delta).toBeGreaterThan(0.3)
    expect(moved?.edges_s?.start_s).toBeCloseTo(delta, 3)
    expect(moved?.edges_s?.end_s).toBe(0)
    expect(moved?.nudge_s).toBe(0)
    for (const item of after.items.filter((i) => i.id !== target.id)) {
      const old = before.items.find((i) => i.id === item.id)
      expect(item.start_s).toBe(old?.start_s)
      expect(item.end_s).toBe(old?.end_s)
    }
  })

  test('dragging the end edge snaps to the end of speech unless Alt is held', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    const target = before.items.filter((i) => i.end_s !== null)[3]
    if (!target || target.end_s === null) throw new Error('missing message')
    const box = await replay.region(target.id).boundingBox()
    if (!box) throw new Error('region not visible')
    const y = box.y + box.height / 2
    const right = box.x + box.width - 2
    const label = page.locator('.tl-drag-label')
    await page.mouse.move(right, y)
    await page.mouse.down()
    let snappedAt: number | undefined
    for (let dx = -40; dx <= 40 && snappedAt === undefined; dx += 2) {
      await page.mouse.move(right + dx, y)
      if (Math.abs(dx) < 4) continue
      if ((await label.textContent())?.includes('snapped to speech')) snappedAt = dx
    }
    expect(snappedAt).toBeDefined()
    await expect(label).toHaveText(/^end [+−]\d+\.\d{3} s → \d\d:\d\d\.\d{3} · snapped to speech$/)
    await page.keyboard.down('Alt')
    await page.mouse.move(right + (snappedAt ?? 0) + 1, y)
    await expect(label).not.toContainText('snapped')
    await page.keyboard.up('Alt')
    await page.mouse.move(right + (snappedAt ?? 0), y)
    await expect(label).toContainText('snapped')
    await page.mouse.up()
    const after = await replay.exportAlignment()
    const moved = after.items.find((i) => i.id === target.id)
    expect(moved?.start_s).toBe(target.start_s)
    expect(moved?.end_s).not.toBe(target.end_s)
  })

  test('the agent lane offset is one term: shown beside the global offset, once in the export', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByRole('radio', { name: 'Agent lane' }).click()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    await expect(page.getByLabel('Agent lane in milliseconds')).toHaveValue('100')
    await expect(page.locator('label', { hasText: 'Agent lane' })).toContainText('ms later')
    await expect(page.getByText(/corrected by hand|moved by hand/)).toHaveCount(0)
    const exported = await replay.exportAlignment()
    expect(exported.lane_offsets_s).toEqual({ user: 0, agent: 0.1 })
    expect(exported.items.every((i) => i.nudge_s === 0)).toBe(true)
  })

  test('Alt+arrows move only the start, Alt+Shift+arrows only the end, of the selected message', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    const target = before.items.filter((i) => i.end_s !== null)[1]
    if (!target || target.end_s === null) throw new Error('missing message')
    await replay.row(target.id).locator('.row-meta').click()
    await page.keyboard.press('Alt+ArrowRight')
    await page.keyboard.press('Alt+Shift+ArrowLeft')
    await page.keyboard.press('Alt+Shift+ArrowLeft')
    const after = await replay.exportAlignment()
    const moved = after.items.find((i) => i.id === target.id)
    expect((moved?.start_s ?? 0) - target.start_s).toBeCloseTo(0.1, 6)
    expect((moved?.end_s ?? 0) - target.end_s).toBeCloseTo(-0.2, 6)
    expect(moved?.edges_s).toEqual({ start_s: 0.1, end_s: -0.2 })
  })

  test('undo works after a reload', async ({ replay, page }) => {
    await replay.open()
    await page.keyboard.press(']')
    await page.keyboard.press(']')
    await expect(replay.offsetInput).toHaveValue('200')
    await page.reload()
    await replay.waitForCall()
    await expect(replay.offsetInput).toHaveValue('200')
    const undo = page.getByRole('button', { name: 'Undo' })
    await expect(undo).toBeEnabled()
    await undo.click()
    await expect(replay.offsetInput).toHaveValue('100')
    await page.reload()
    await replay.waitForCall()
    await page.getByRole('button', { name: 'Redo' }).click()
    await expect(replay.offsetInput).toHaveValue('200')
  })
})

test('exports are named after the call, and every time has at most 3 decimals', async ({
  replay,
}) => {
  await replay.open()
  const json = await replay.download('Export offsets (JSON)')
  expect(json.download.suggestedFilename()).toBe('support-call-9b41d7-2025-11-24.turnline.json')
  const vtt = await replay.download('WebVTT')
  expect(vtt.download.suggestedFilename()).toBe('support-call-9b41d7-2025-11-24.vtt')
  const csv = await replay.download('CSV')
  expect(csv.download.suggestedFilename()).toBe('support-call-9b41d7-2025-11-24.csv')
  const exported = await replay.exportAlignment()
  const times = exported.items.flatMap((i) => [
    i.start_s,
    i.end_s ?? 0,
    ...(i.words ?? []).flatMap((w) => [w.start_s, w.end_s]),
  ])
  for (const t of times) expect(Math.abs(t * 1000 - Math.round(t * 1000))).toBeLessThan(1e-6)
})

test('seeking past the end never shows a time beyond the recording', async ({ replay, page }) => {
  await replay.open()
  const { recording, items } = await replay.exportAlignment()
  const last = items.filter((i) => i.end_s !== null).at(-1)
  await replay
    .row(last?.id ?? '')
    .locator('.row-meta')
    .click()
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(() => replay.seconds()).toBeCloseTo(recording.duration_s ?? NaN, 2)
  expect(await replay.seconds()).toBeLessThanOrEqual(recording.duration_s ?? NaN)
})

test.describe('keys never fight the focus', () => {
  test('Space on a focused button presses it instead of toggling playback', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const shortcuts = page.getByText('Keyboard shortcuts')
    await page.getByRole('button', { name: 'Nudge +100 ms' }).focus()
    await page.keyboard.press(' ')
    await expect(replay.offsetInput).toHaveValue('100')
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    await shortcuts.focus()
    await page.keyboard.press(' ')
    await expect(page.getByRole('definition').filter({ hasText: 'Play / pause' })).toBeVisible()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      (async () => {
        await page.getByRole('button', { name: 'Open files…' }).focus()
        await page.keyboard.press(' ')
      })(),
    ])
    expect(chooser.isMultiple()).toBe(true)
  })

  test('arrows on the zoom slider zoom instead of seeking', async ({ replay, page }) => {
    await replay.open()
    const slider = page.getByRole('slider', { name: 'Zoom' })
    const first = replay.regions.first()
    const width = (await first.boundingBox())?.width ?? 0
    await slider.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(slider).toHaveValue('2')
    await expect.poll(async () => (await first.boundingBox())?.width ?? 0).toBeGreaterThan(width)
    expect(await replay.seconds()).toBe(0)
  })

  test('arrows in the nudge target group move the choice, not the playhead', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByRole('radio', { name: 'All items' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('radio', { name: 'Agent lane' })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    await expect(page.getByRole('radio', { name: 'Agent lane' })).toBeFocused()
    expect(await replay.seconds()).toBe(0)
  })

  test('the transcript is reachable with Tab and every row with the arrows', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const rows = await replay.exportAlignment()
    const list = page.getByRole('listbox')
    await list.getByRole('option').first().focus()
    await page.keyboard.press('End')
    const last = rows.items.at(-1)
    await expect(replay.row(last?.id ?? '')).toBeFocused()
    await expect(replay.row(last?.id ?? '')).toHaveAttribute('aria-selected', 'true')
    await expect.poll(() => replay.seconds()).toBeCloseTo(Math.max(0, last?.start_s ?? 0), 2)
    await page.keyboard.press('ArrowUp')
    await expect(replay.row(rows.items.at(-2)?.id ?? '')).toBeFocused()
    const count = await list.getByRole('option').first().getAttribute('aria-setsize')
    expect(Number(count)).toBe(rows.items.length)
  })

  test('regions are reachable by keyboard and nudgeable', async ({ replay, page }) => {
    await replay.open()
    const spoken = (await replay.exportAlignment()).items.filter((i) => i.end_s !== null)
    const first = replay.region(spoken[0]?.id ?? '')
    await first.focus()
    await page.keyboard.press('ArrowRight')
    const focused = page.locator('[data-id][tabindex="0"]:focus')
    await expect(focused).toHaveCount(1)
    const id = await focused.getAttribute('data-id')
    await page.getByRole('radio', { name: 'Selected', exact: true }).click()
    await page.locator(`[data-id="${id}"]`).first().focus()
    await page.keyboard.press(']')
    await expect(replay.row(id ?? '').getByTitle('Your correction for this item')).toHaveText(
      '+100 ms',
    )
  })
})
