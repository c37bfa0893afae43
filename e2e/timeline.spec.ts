import { expect, test } from './fixtures'
import { demoTruth } from './replay-page'

test.describe('the demo call is placed where it was spoken', () => {
  test('region positions equal the exported start_s, and the exported start_s equal the truth', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const exported = await replay.exportAlignment()
    const regionStarts = await replay.regionStarts()
    const spoken = exported.items.filter((i) => i.end_s !== null)
    expect(Object.keys(regionStarts).sort()).toEqual(spoken.map((i) => i.id).sort())
    for (const item of spoken) expect(regionStarts[item.id]).toBeCloseTo(item.start_s, 6)

    for (const truth of demoTruth().items) {
      const item = exported.items.find((i) => i.id === truth.id)
      expect(item?.start_s, truth.id).toBeCloseTo(truth.start_s, 3)
    }

    // And on screen: the region's left edge sits at start / duration of the waveform's width.
    const wrapper = page.locator('[data-testid="waveform"] .tl-layer')
    const box = await wrapper.boundingBox()
    const duration = exported.recording.duration_s ?? 0
    for (const item of spoken.slice(0, 4)) {
      const region = await replay.region(item.id).boundingBox()
      if (!box || !region) throw new Error('not laid out')
      expect(Math.abs(region.x - box.x - (item.start_s / duration) * box.width)).toBeLessThan(1.5)
    }
  })

  test('user speech is in the top lane (left channel) and agent speech in the bottom lane', async ({
    replay,
  }) => {
    await replay.open()
    const lanes = await replay.regions.evaluateAll((els) =>
      els.map((el) => ({
        lane: (el as HTMLElement).dataset.lane,
        top: (el as HTMLElement).style.top,
      })),
    )
    for (const { lane, top } of lanes) expect(top).toBe(lane === 'user' ? '0px' : '50%')
  })

  test('the interrupted reply shows its unplayed words struck out as not heard', async ({
    replay,
  }) => {
    await replay.open()
    const truth = demoTruth().items.find((i) => i.words.some((w) => !w.heard))
    if (!truth) throw new Error('the demo has no interrupted message')
    const row = replay.row(truth.id)
    await row.scrollIntoViewIfNeeded()
    await expect(row.getByText('interrupted')).toBeVisible()
    const unheard = truth.words.filter((w) => !w.heard).map((w) => w.text)
    await expect(row.locator('.unheard')).toHaveText(unheard.map((t) => t.trim()))
  })

  test('the barge-in is drawn as talk-over and the backchannel as speech outside any turn', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const truth = demoTruth()
    const overlap = page.locator('.tl-overlap')
    await expect(overlap).toHaveCount(1)
    const bargeIn = truth.items.find((i) => i.id === 'item_6c1a4f9e3d27')
    expect(Number(await overlap.getAttribute('data-start'))).toBeCloseTo(bargeIn?.start_s ?? NaN, 3)
    await expect(replay.row('item_6c1a4f9e3d27').getByText('barge-in 0.60 s')).toBeVisible()
    const backchannel = page.locator('.tl-vad')
    await expect(backchannel).toHaveCount(1)
    expect(Number(await backchannel.getAttribute('data-start'))).toBeCloseTo(
      truth.backchannels[0]?.start_s ?? NaN,
      3,
    )

    // A correction moves the talk-over with the messages it is drawn from.
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    await expect
      .poll(async () => Number(await overlap.getAttribute('data-start')))
      .toBeCloseTo((bargeIn?.start_s ?? NaN) + 0.1, 3)
    await expect(overlap).toHaveCount(1)
  })
})
