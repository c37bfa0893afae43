import { expect, test } from './fixtures'

test.describe('playing and jumping', () => {
  test('clicking message N selects it and seeks to its start without playing; a double-click plays it', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const spoken = exported.items.filter((i) => i.end_s !== null)
    for (const n of [3, 1]) {
      const item = spoken[n]
      if (!item) throw new Error('missing message')
      await replay.row(item.id).locator('.row-meta').click()
      await expect(replay.row(item.id)).toHaveAttribute('aria-selected', 'true')
      await expect.poll(() => replay.seconds()).toBeCloseTo(item.start_s, 2)
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    }
    const item = spoken[2]
    if (!item) throw new Error('missing message')
    await replay.row(item.id).locator('.row-meta').dblclick()
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(item.start_s + 0.2)
    await replay.pause()
  })

  test('clicking while playing keeps playing from the new place', async ({ replay, page }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const item = exported.items.filter((i) => i.end_s !== null)[4]
    if (!item) throw new Error('missing message')
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await replay.row(item.id).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThanOrEqual(item.start_s)
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await replay.pause()
  })

  test('clicking a word seeks to that word', async ({ replay }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const item = exported.items.find((i) => (i.words?.length ?? 0) > 5)
    const word = item?.words?.[4]
    if (!item || !word) throw new Error('missing words')
    await replay.row(item.id).locator('[data-w="4"]').click()
    await expect.poll(() => replay.seconds()).toBeCloseTo(word.start_s, 2)
  })

  test('P plays the selected message and stops at its end; Shift+P starts 0.5 s before', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const item = exported.items.filter((i) => i.end_s !== null)[1]
    if (!item || item.end_s === null) throw new Error('missing message')
    await replay.row(item.id).click()
    // Every position the clock shows from now on, so the check does not depend on how fast
    // the machine reads it after playback starts.
    await replay.clock.evaluate((clock) => {
      const shown: number[] = []
      new MutationObserver(() => shown.push(Number(clock.dataset.seconds))).observe(clock, {
        attributes: true,
      })
      Object.assign(window, { shownTimes: shown })
    })
    await page.keyboard.press('Shift+P')
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    const first = await page.evaluate(() =>
      Math.min(...(window as unknown as { shownTimes: number[] }).shownTimes),
    )
    expect(first).toBeLessThan(item.start_s)
    expect(first).toBeGreaterThanOrEqual(item.start_s - 0.55)
    await page.keyboard.press('p')
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({
      timeout: 20_000,
    })
    expect(await replay.seconds()).toBeCloseTo(item.end_s, 1)
  })

  test('clicking a region seeks to its start', async ({ replay }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const item = exported.items.filter((i) => i.end_s !== null)[4]
    if (!item) throw new Error('missing message')
    await replay.region(item.id).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThanOrEqual(item.start_s - 0.01)
    expect(await replay.seconds()).toBeLessThan(item.start_s + 0.6)
  })

  test('during playback the highlighted word advances and contains the playhead', async ({
    replay,
  }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const first = exported.items.find((i) => i.role === 'assistant')
    if (!first) throw new Error('no agent message')
    // Every highlight is recorded in the page as it happens, with the playhead of that frame: a
    // poll from here could miss a short word on a busy machine.
    await replay.page.evaluate(() => {
      const shown: { time: number; start: number; end: number; text: string }[] = []
      Object.assign(window, { highlighted: shown })
      const clock = document.querySelector<HTMLElement>('[data-testid="clock"]')
      new MutationObserver((changes) => {
        for (const { target } of changes)
          if (target instanceof HTMLElement && target.hasAttribute('data-word-active'))
            shown.push({
              time: Number(clock?.dataset.seconds),
              start: Number(target.dataset.start),
              end: Number(target.dataset.end),
              text: target.textContent?.trim() ?? '',
            })
      }).observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-word-active'],
      })
    })
    await replay.row(first.id).locator('.row-meta').dblclick()
    const highlighted = () =>
      replay.page.evaluate(
        () =>
          (
            window as unknown as {
              highlighted: { time: number; start: number; end: number; text: string }[]
            }
          ).highlighted,
      )
    await expect
      .poll(async () => new Set((await highlighted()).map((w) => w.start)).size)
      .toBeGreaterThanOrEqual(4)
    const shown = await highlighted()
    let lastStart = -1
    for (const active of shown) {
      // The playhead may sit exactly on a word start that went through a float32 array.
      expect(active.time).toBeGreaterThanOrEqual(active.start - 1e-6)
      expect(active.time).toBeLessThan(active.end)
      expect(active.start).toBeGreaterThanOrEqual(lastStart)
      lastStart = active.start
    }
    const words = shown.filter((w, i) => i === 0 || w.start !== shown[i - 1]?.start)
    expect(words.slice(0, 2).map((w) => w.text)).toEqual(
      first.words?.slice(0, 2).map((w) => w.text),
    )
  })

  test('keyboard: K and J jump between messages, space plays and pauses', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const spoken = exported.items.filter((i) => i.end_s !== null)
    // Space on the focused export button would press it: move the focus off it first.
    await page.getByRole('heading', { name: 'Transcript' }).click()
    await page.keyboard.press('k')
    await expect.poll(() => replay.seconds()).toBeCloseTo(spoken[0]?.start_s ?? NaN, 2)
    await page.keyboard.press('k')
    await expect.poll(() => replay.seconds()).toBeCloseTo(spoken[1]?.start_s ?? NaN, 2)
    await page.keyboard.press('j')
    await expect.poll(() => replay.seconds()).toBeCloseTo(spoken[0]?.start_s ?? NaN, 2)
    await page.keyboard.press(' ')
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await page.keyboard.press(' ')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  })

  test('zooming in widens the waveform and every region with it', async ({ replay, page }) => {
    await replay.open()
    const first = replay.regions.first()
    const before = await first.boundingBox()
    await page.keyboard.press('+')
    await page.keyboard.press('+')
    await page.keyboard.press('+')
    await expect
      .poll(async () => (await first.boundingBox())?.width ?? 0)
      .toBeGreaterThan((before?.width ?? 0) * 1.5)
    await page.keyboard.press('-')
    await page.keyboard.press('-')
    await page.keyboard.press('-')
    await expect
      .poll(async () => Math.round((await first.boundingBox())?.width ?? 0))
      .toBe(Math.round(before?.width ?? 0))
  })

  test('at 2× speed the playhead advances about twice as fast as the wall clock', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByLabel('Speed').selectOption('2')
    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0.3)
    // The clock's time and the page's own time read together, so the round trip to the test
    // (tens of ms on a loaded machine) does not count as playback.
    const now = () =>
      page.evaluate(() => ({
        audio: Number(
          document.querySelector('[data-testid="clock"]')?.getAttribute('data-seconds'),
        ),
        wall: performance.now() / 1000,
      }))
    const from = await now()
    await page.waitForTimeout(3000)
    const to = await now()
    const rate = (to.audio - from.audio) / (to.wall - from.wall)
    expect(rate).toBeGreaterThan(1.6)
    expect(rate).toBeLessThan(2.4)
  })
})
