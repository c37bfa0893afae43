import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { alignmentExportSchema } from '../src/domain/export/alignment-schema'
import { openAlignFixture } from './align-fixture'
import { expect, test } from './fixtures'
import { call, openLongCall } from './long-call'
import type { ReplayPage } from './replay-page'

/** The generated call with a `created_at`-only history and no word timings (fixtures:align). */
async function openUntimedCall(page: Page, replay: ReplayPage) {
  await openAlignFixture(page, replay)
  await expect(page.getByTestId('align-status')).toContainText('messages', { timeout: 30_000 })
  await expect(page.getByText('words timed from audio', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('words estimated', { exact: true })).toHaveCount(0)
  const exported = await replay.exportAlignment()
  const item = exported.items.find(
    (i) => i.words_source === 'audio' && i.role === 'assistant' && (i.words?.length ?? 0) > 6,
  )
  if (!item?.words) throw new Error('no audio-timed agent message')
  return { item, words: item.words }
}

test.describe('word timing from the audio', () => {
  test('a call without word timings: the highlighted word holds the playhead and says how it was timed', async ({
    page,
    replay,
  }) => {
    const { item, words } = await openUntimedCall(page, replay)
    const row = replay.row(item.id)
    await row.locator('.row-meta').dblclick()
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    const third = words[2]?.start_s ?? Number.NaN
    await expect.poll(() => replay.seconds(), { timeout: 15_000 }).toBeGreaterThan(third)
    await replay.pause()
    const active = await replay.activeWord()
    expect(active).not.toBeNull()
    expect(active?.time).toBeGreaterThanOrEqual((active?.start ?? Number.NaN) - 1e-6)
    expect(active?.time).toBeLessThan(active?.end ?? Number.NaN)
    const highlighted = page.locator('[data-word-active]')
    await expect(highlighted.locator('xpath=ancestor::li')).toHaveAttribute('data-id', item.id)
    await expect(highlighted.locator('xpath=..')).toHaveAttribute('data-words-source', 'audio')
    await expect(row.getByTestId('words-source')).toHaveText('words timed from audio')
  })

  test('clicking an audio-timed word seeks to that word', async ({ page, replay }) => {
    const { item, words } = await openUntimedCall(page, replay)
    const word = words[5]
    if (!word) throw new Error('missing word')
    await replay.row(item.id).locator('[data-w="5"]').click()
    await expect.poll(() => replay.seconds()).toBeCloseTo(word.start_s, 2)
    await expect(page.locator('[data-word-active]')).toHaveText(word.text)
  })
})

test.describe('exporting while words are still being timed', () => {
  test.describe.configure({ timeout: 90_000 })

  test('the offsets wait for every message’s words to be timed from the audio', async ({
    page,
    replay,
  }) => {
    // 305 messages without captured timings: the word worker takes seconds after the decode.
    await openLongCall(replay, page)
    const button = page.getByRole('button', { name: 'Export offsets (JSON)', exact: true })
    await expect(button).toBeEnabled()
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    const exported = alignmentExportSchema.parse(
      JSON.parse(readFileSync(await download.path(), 'utf8')),
    )
    const spoken = exported.items.filter((i) => i.end_s !== null && i.role !== undefined)
    expect(spoken).toHaveLength(call.truth.messages)
    expect(spoken.filter((i) => i.words_source !== 'audio').map((i) => i.id)).toEqual([])
    await expect(page.getByTestId('export-waiting')).toHaveCount(0)
  })
})
