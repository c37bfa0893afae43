import { expect, test } from './fixtures'

test.describe('playing and jumping', () => {
  test('clicking message N seeks the audio to its start and plays', async ({ replay, page }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const spoken = exported.items.filter((i) => i.end_s !== null)
    for (const n of [3, 1]) {
      const item = spoken[n]
      if (!item) throw new Error('missing message')
      await replay.row(item.id).click()
      await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
      await expect.poll(() => replay.seconds()).toBeGreaterThanOrEqual(item.start_s - 0.01)
      expect(await replay.seconds()).toBeLessThan(item.start_s + 0.6)
      await replay.pause()
    }
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
    await replay.row(first.id).click()
    const seen: string[] = []
    let lastStart = -1
    for (let i = 0; i < 40 && seen.length < 4; i++) {
      const active = await replay.activeWord()
      if (active) {
        expect(active.time).toBeGreaterThanOrEqual(active.start)
        expect(active.time).toBeLessThan(active.end)
        expect(active.start).toBeGreaterThanOrEqual(lastStart)
        if (active.start > lastStart) seen.push(active.text)
        lastStart = active.start
      }
      await replay.page.waitForTimeout(120)
    }
    expect(seen.length).toBeGreaterThanOrEqual(4)
    expect(seen.slice(0, 2)).toEqual(first.words?.slice(0, 2).map((w) => w.text))
  })

  test('keyboard: K and J jump between messages, space plays and pauses', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const spoken = exported.items.filter((i) => i.end_s !== null)
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
    const from = { audio: await replay.seconds(), wall: Date.now() }
    await page.waitForTimeout(1500)
    const rate = ((await replay.seconds()) - from.audio) / ((Date.now() - from.wall) / 1000)
    expect(rate).toBeGreaterThan(1.6)
    expect(rate).toBeLessThan(2.4)
  })
})
