import { readFileSync } from 'node:fs'
import { alignFixture, openAlignFixture } from './align-fixture'
import { expect, test } from './fixtures'

const truth = JSON.parse(readFileSync(alignFixture('truth.json'), 'utf8')) as {
  turns: { id: string; start_s: number }[]
}

test.describe('alignment to the audio', () => {
  test('a created_at-only mono call opens aligned; Undo restores the timestamp placement', async ({
    page,
    replay,
  }) => {
    const fetched: string[] = []
    page.on('request', (request) => fetched.push(request.url()))
    await openAlignFixture(page, replay)
    await expect(page.getByTestId('align-status')).toContainText(
      `of ${truth.turns.length} messages`,
      {
        timeout: 30_000,
      },
    )
    // The hold music is a long steady stretch: the speech model, loaded from the app's own origin
    // for it, heard it and left it out.
    await expect(page.getByTestId('align-status')).toContainText(
      '1 stretch of music or other non-speech sound left out',
    )
    const model = fetched.filter((url) => /\.(onnx|wasm)$/.test(url))
    expect(model.some((url) => url.endsWith('.onnx'))).toBe(true)
    expect(model.some((url) => /ort-wasm.*\.wasm$/.test(url))).toBe(true)
    for (const url of model) expect(new URL(url).origin).toBe(new URL(page.url()).origin)
    const aligned = await replay.exportAlignment()
    const errors = truth.turns.map((t) => {
      const item = aligned.items.find((i) => i.id === t.id)
      return Math.abs((item?.start_s ?? Number.NaN) - t.start_s)
    })
    errors.sort((a, b) => a - b)
    // All but the worst turn within 100 ms of where it is heard; the median within 30 ms.
    expect(errors.at(-2)).toBeLessThan(0.1)
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.03)
    const audioItems = aligned.items.filter((i) => i.basis === 'audio')
    expect(audioItems.length).toBeGreaterThanOrEqual(truth.turns.length - 1)
    expect(aligned.alignment).toBeDefined()
    await expect(page.getByTestId('align-confidence').first()).toBeVisible()
    await expect(page.getByTestId('recording-start')).toContainText('fitted to the audio')
    await expect(page.getByTestId('recording-start')).not.toHaveClass(/warn/)

    await page.keyboard.press('Control+z')
    const undone = await replay.exportAlignment()
    await expect(page.getByTestId('recording-start')).toHaveClass(/warn/)
    expect(undone.alignment).toBeUndefined()
    expect(undone.items.some((i) => i.basis === 'audio')).toBe(false)
    const meanError =
      truth.turns.reduce((sum, t) => {
        const item = undone.items.find((i) => i.id === t.id)
        return sum + Math.abs((item?.start_s ?? Number.NaN) - t.start_s)
      }, 0) / truth.turns.length
    expect(meanError).toBeGreaterThan(0.3)
  })
})
