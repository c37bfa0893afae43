import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { demoTruth } from './replay-page'

test.describe('correcting the offsets', () => {
  test('a +100 ms nudge moves every region and the export by exactly 0.1 s', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    const regionsBefore = await replay.regionStarts()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    await expect(replay.offsetInput).toHaveValue('100')
    const regionsAfter = await replay.regionStarts()
    for (const [id, start] of Object.entries(regionsBefore))
      expect(regionsAfter[id]).toBeCloseTo(start + 0.1, 9)
    const after = await replay.exportAlignment()
    expect(after.global_offset_s).toBe(0.1)
    for (const item of after.items) {
      const old = before.items.find((i) => i.id === item.id)
      expect(item.start_s - (old?.start_s ?? NaN)).toBeCloseTo(0.1, 6)
      if (item.end_s !== null) expect(item.end_s - (old?.end_s ?? NaN)).toBeCloseTo(0.1, 6)
    }
  })

  test('keys nudge, and undo/redo walk back and forth', async ({ replay, page }) => {
    await replay.open()
    await page.keyboard.press(']')
    await page.keyboard.press('.')
    await page.keyboard.press('.')
    await expect(replay.offsetInput).toHaveValue('120')
    await page.keyboard.press('}')
    await expect(replay.offsetInput).toHaveValue('1120')
    await page.keyboard.press('Control+z')
    await expect(replay.offsetInput).toHaveValue('120')
    await page.keyboard.press('Control+Shift+Z')
    await expect(replay.offsetInput).toHaveValue('1120')
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect(replay.offsetInput).toHaveValue('0')
  })

  test('a typed offset applies to everything', async ({ replay }) => {
    await replay.open()
    await replay.offsetInput.fill('-250')
    await replay.offsetInput.press('Enter')
    const exported = await replay.exportAlignment()
    expect(exported.global_offset_s).toBe(-0.25)
  })

  test('dragging one region changes only that item, words included', async ({ replay, page }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    const target = before.items.filter((i) => i.end_s !== null)[2]
    if (!target) throw new Error('missing message')
    const box = await replay.region(target.id).boundingBox()
    if (!box) throw new Error('region not visible')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 5 })
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 5 })
    await page.mouse.up()
    await expect(replay.row(target.id).getByTitle('Your correction for this item')).toBeVisible()
    const after = await replay.exportAlignment()
    const moved = after.items.find((i) => i.id === target.id)
    const delta = (moved?.start_s ?? 0) - target.start_s
    expect(delta).toBeGreaterThan(0.5)
    expect(moved?.nudge_s).toBeCloseTo(delta, 6)
    expect((moved?.words?.[0]?.start_s ?? 0) - (target.words?.[0]?.start_s ?? 0)).toBeCloseTo(
      delta,
      6,
    )
    for (const item of after.items.filter((i) => i.id !== target.id)) {
      expect(item.start_s).toBe(before.items.find((i) => i.id === item.id)?.start_s)
      expect(item.nudge_s).toBe(0)
    }
  })

  test('nudging the selected message and all after it leaves earlier ones alone', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    const spoken = before.items.filter((i) => i.end_s !== null)
    const pivot = spoken[5]
    if (!pivot) throw new Error('missing message')
    await replay.row(pivot.id).click()
    await replay.pause()
    await page.getByRole('radio', { name: 'Selected + after' }).click()
    await page.getByRole('button', { name: 'Nudge −100 ms' }).click()
    const after = await replay.exportAlignment()
    const pivotIndex = before.items.findIndex((i) => i.id === pivot.id)
    before.items.forEach((old, index) => {
      const item = after.items.find((i) => i.id === old.id)
      expect(item?.start_s).toBeCloseTo(old.start_s - (index >= pivotIndex ? 0.1 : 0), 6)
    })
  })

  test('reload keeps the corrections', async ({ replay, page }) => {
    await replay.open()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    const target = (await replay.exportAlignment()).items.filter((i) => i.end_s !== null)[1]
    if (!target) throw new Error('missing message')
    await replay.row(target.id).click()
    await replay.pause()
    await page.getByRole('radio', { name: 'Selected', exact: true }).click()
    await page.getByRole('button', { name: 'Nudge +1 s' }).click()
    await page.reload()
    await replay.waitForCall()
    await expect(replay.offsetInput).toHaveValue('100')
    const exported = await replay.exportAlignment()
    expect(exported.global_offset_s).toBe(0.1)
    expect(exported.items.find((i) => i.id === target.id)?.nudge_s).toBe(1)
  })

  test('an exported JSON re-opened with the call restores the review', async ({ replay, page }) => {
    await replay.open()
    await page.getByRole('button', { name: 'Nudge −10 ms' }).click()
    await page.getByRole('button', { name: 'Nudge −100 ms' }).click()
    const { download } = await replay.download('Export offsets (JSON)')
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect(replay.offsetInput).toHaveValue('0')
    await page.getByTestId('file-input').setInputFiles({
      name: 'audio.turnline.json',
      mimeType: 'application/json',
      buffer: readFileSync(await download.path()),
    })
    await expect(replay.offsetInput).toHaveValue('-110')
  })

  test('WebVTT and SRT exports hold one cue per spoken message, corrected', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByRole('button', { name: 'Nudge +1 s' }).click()
    const exported = await replay.exportAlignment()
    const first = exported.items.find((i) => i.end_s !== null)
    const vtt = (await replay.download('WebVTT')).text
    expect(vtt.startsWith('WEBVTT')).toBe(true)
    expect(vtt.match(/-->/g)).toHaveLength(10)
    expect(vtt).toContain(`00:00:0${(first?.start_s ?? 0).toFixed(3)} --> `)
    const srt = (await replay.download('SRT')).text
    expect(srt.match(/-->/g)).toHaveLength(10)
    expect(srt).toContain(`00:00:0${(first?.start_s ?? 0).toFixed(3).replace('.', ',')} --> `)
  })

  test('Align to audio on a call that metrics place verifies it and makes no message worse', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    await page.getByRole('button', { name: 'Align to audio' }).click()
    await expect(page.getByTestId('align-status')).toContainText('Aligned')
    const after = await replay.exportAlignment()
    const truth = demoTruth()
    for (const item of after.items.filter((i) => i.type === 'message')) {
      const expected = truth.items.find((t) => t.id === item.id)?.start_s ?? NaN
      const old = before.items.find((i) => i.id === item.id)?.start_s ?? NaN
      expect(Math.abs(item.start_s - expected), item.id).toBeLessThanOrEqual(
        Math.max(0.05, Math.abs(old - expected)),
      )
    }
    await page.keyboard.press('Control+z')
    const undone = await replay.exportAlignment()
    expect(undone.items.map((i) => i.start_s)).toEqual(before.items.map((i) => i.start_s))
  })

  test('nudging the agent lane moves agent speech only', async ({ replay, page }) => {
    await replay.open()
    const before = await replay.exportAlignment()
    await page.getByRole('radio', { name: 'Agent lane' }).click()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    const after = await replay.exportAlignment()
    for (const item of after.items) {
      const old = before.items.find((i) => i.id === item.id)
      const moved = item.type === 'message' && item.role === 'assistant' ? 0.1 : 0
      expect(item.start_s - (old?.start_s ?? NaN), item.id).toBeCloseTo(moved, 6)
    }
    expect(after.global_offset_s).toBe(0)
  })
})
