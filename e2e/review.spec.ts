import type { Page } from '@playwright/test'
import { alignmentExportSchema } from '../src/domain/export/alignment-schema'
import { expect, test } from './fixtures'
import { call, longCallFiles, openLongCall } from './long-call'

const { truth } = call

function csvColumn(csv: string, id: string, column: string): string | undefined {
  const [header, ...rows] = csv.trimEnd().split('\r\n')
  const index = header?.split(',').indexOf(column) ?? -1
  return rows.find((r) => r.startsWith(`${id},`))?.split(',')[index]
}

test.describe('reviewing a long call', () => {
  // Each open decodes a 15-minute recording and lays out 305 messages.
  test.describe.configure({ timeout: 90_000 })

  test('search finds a phrase outside the rendered rows and seeks to it', async ({
    replay,
    page,
  }) => {
    await openLongCall(replay, page)
    await expect(replay.row(truth.phrase.id)).toHaveCount(0)
    await page.keyboard.press('/')
    await expect(page.getByLabel('Search the transcript')).toBeFocused()
    await page.keyboard.type('Purple Elephant')
    await expect(page.getByTestId('match-count')).toHaveText('1 match')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('match-count')).toHaveText('1 of 1')
    await expect(replay.row(truth.phrase.id)).toHaveAttribute('aria-selected', 'true')
    await expect(replay.row(truth.phrase.id)).toBeInViewport()
    await expect.poll(() => replay.seconds()).toBeCloseTo(truth.phrase.start_s, 2)
    // Clearing the search brings every row back around the same place.
    await page.getByRole('button', { name: 'Clear' }).click()
    await expect(replay.row(truth.phrase.id)).toBeInViewport()
  })

  test('"slower than 2 s" lists exactly the replies the truth says', async ({ replay, page }) => {
    await openLongCall(replay, page)
    await page.getByRole('checkbox', { name: 'slower than' }).check()
    await expect(page.getByLabel('Slower than, seconds')).toHaveValue('2')
    await expect(page.getByTestId('match-count')).toHaveText(`${truth.slow_over_2s.length} matches`)
    const strip = page.locator('[data-match-id]')
    await expect(strip).toHaveCount(truth.slow_over_2s.length)
    expect(
      await strip.evaluateAll((els) => els.map((e) => e.getAttribute('data-match-id'))),
    ).toEqual(truth.slow_over_2s)
    // The transcript lists only those replies, each marked slow.
    const shown = await replay.rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
    expect(shown.length).toBeGreaterThan(3)
    expect(truth.slow_over_2s.slice(0, shown.length)).toEqual(shown)
    // N walks them in order from the playhead.
    await page.keyboard.press('n')
    await expect(replay.row(truth.slow_over_2s[0] ?? '')).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('n')
    await expect(page.getByTestId('match-count')).toHaveText(`2 of ${truth.slow_over_2s.length}`)
  })

  test('heard latency changes when a message is nudged and the CSV shows the new value', async ({
    replay,
    page,
  }) => {
    await openLongCall(replay, page)
    const reply = truth.replies.find((r) => r.id === truth.slow_over_2s[5])
    if (!reply) throw new Error('truth has too few slow replies')
    const chip = () => replay.row(reply.id).locator('.chip-latency')
    const before = await replay.download('CSV')
    // Every exported time is rounded to the millisecond.
    expect(Number(csvColumn(before.text, reply.id, 'heard_latency_s'))).toBeCloseTo(
      reply.latency_s,
      3,
    )
    await selectById(page, reply.id)
    await expect(chip()).toContainText(`heard ${reply.latency_s.toFixed(2)} s`)
    await page.getByRole('radio', { name: 'Selected', exact: true }).click()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    await expect(chip()).toContainText(`heard ${(reply.latency_s + 0.1).toFixed(2)} s`)
    await expect(chip()).toContainText(`e2e ${reply.latency_s.toFixed(2)} s`)
    const after = await replay.download('CSV')
    expect(Number(csvColumn(after.text, reply.id, 'heard_latency_s'))).toBeCloseTo(
      reply.latency_s + 0.1,
      3,
    )
    expect(Number(csvColumn(after.text, reply.id, 'latency_s'))).toBeCloseTo(reply.latency_s, 3)
    const json = alignmentExportSchema.parse(
      JSON.parse((await replay.download('Export offsets (JSON)')).text),
    )
    expect(json.items.find((i) => i.id === reply.id)?.heard_latency_s).toBeCloseTo(
      reply.latency_s + 0.1,
      3,
    )
  })

  test('a finding survives a reload and round-trips through export and re-import', async ({
    replay,
    page,
  }) => {
    await openLongCall(replay, page)
    const target = truth.slow_over_2s[3] ?? ''
    await selectById(page, target)
    await page.keyboard.press('f')
    const form = page.getByRole('form', { name: 'New finding' })
    await expect(form.getByLabel('Note')).toBeFocused()
    await form.getByLabel('Tag', { exact: true }).selectOption('slow reply')
    await form.getByLabel('Note').fill('user waited, said "hello?"')
    await page.keyboard.press('Enter')
    const findings = page.getByRole('region', { name: 'Findings' })
    await expect(findings.locator('li')).toHaveCount(1)
    await expect(findings).toContainText('slow reply')
    await expect(replay.row(target).locator('.chip-finding')).toHaveText('⚑ slow reply')

    await page.reload()
    await replay.waitForCall()
    await page.getByTestId('file-input').setInputFiles(longCallFiles)
    await replay.waitForCall(truth.messages)
    await expect(findings.locator('li')).toHaveCount(1)
    await expect(findings).toContainText('user waited, said "hello?"')

    const exported = JSON.parse((await replay.download('Export offsets (JSON)')).text) as {
      findings: { item_id: string; tag: string; note: string }[]
    }
    expect(exported.findings).toEqual([
      expect.objectContaining({
        item_id: target,
        tag: 'slow reply',
        note: 'user waited, said "hello?"',
      }),
    ])
    const csv = await replay.download('Findings CSV')
    expect(csv.text).toContain(`,${target},assistant,`)
    expect(csv.text).toContain('"user waited, said ""hello?"""')

    await findings.getByRole('button', { name: 'Delete finding slow reply' }).click()
    await expect(findings.locator('li')).toHaveCount(0)
    await page.getByTestId('file-input').setInputFiles({
      name: 'long-call.turnline.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    })
    await expect(findings.locator('li')).toHaveCount(1)
    await expect(findings).toContainText('user waited, said "hello?"')
  })
})

/** Selects a slow reply the way a reviewer would: filter the slow ones, click its mark. */
async function selectById(page: Page, id: string) {
  await page.getByRole('checkbox', { name: 'slower than' }).check()
  await page.locator(`[data-match-id="${id}"]`).click()
  await expect(page.locator(`li[data-id="${id}"]`)).toHaveAttribute('aria-selected', 'true')
}

test.describe('reviewing the demo call', () => {
  test('a reply shows why it was slow and a tool call shows its arguments and output in full', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const summary = page.getByLabel('Call summary')
    await expect(summary).toContainText('4 user · 6 agent')
    await summary.getByRole('button', { name: /Go to the slowest reply/ }).click()
    await expect(replay.row('item_a08f6d3c1e95')).toHaveAttribute('aria-selected', 'true')
    const details = page.getByTestId('latency-details')
    await expect(details).toContainText('reported e2e_latency 2.370 s')
    await expect(details).toContainText('end of turn 0.36 s')
    await expect(details).toContainText('the rest 1.10 s')
    await expect(details).toContainText('LLM: gpt-4.1-mini (api.openai.com)')

    await replay.row('item_b3e97d2a0c64/fnc_0').click()
    const tool = page.getByTestId('tool-details')
    await expect(tool.locator('pre')).toHaveText(
      JSON.stringify(
        { phone_number: '+15552184470', charge_id: 'ch_7Q2M9K', amount: 42.0 },
        null,
        2,
      ),
    )
    await tool.getByRole('button', { name: /Go to its output/ }).click()
    await expect(replay.row('item_7e2c5b0a9f13')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('tool-details').locator('pre')).toContainText(
      '"credit_id": "CR-30417"',
    )
  })

  test('a time range is flagged from the keyboard, then its note edited', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByRole('button', { name: 'Play' }).focus()
    await page.keyboard.press('Escape')
    await page.keyboard.press('f')
    const form = page.getByRole('form', { name: 'New finding' })
    await expect(form.getByLabel('Note')).toBeFocused()
    await form.getByLabel('Finding from, seconds').fill('12')
    await form.getByLabel('Finding to, seconds').fill('14.5')
    await form.getByLabel('Tag', { exact: true }).selectOption('talked over')
    await form.getByLabel('Note').fill('agent kept talking')
    await form.getByLabel('Note').press('Enter')
    const findings = page.getByRole('region', { name: 'Findings' })
    await expect(findings.locator('li')).toHaveCount(1)
    await expect(findings).toContainText('2.5 s range')
    await findings.getByRole('button', { name: 'Edit finding talked over' }).click()
    const edit = page.getByRole('form', { name: 'Edit finding' })
    await expect(edit.getByLabel('Note')).toHaveValue('agent kept talking')
    await edit.getByLabel('Note').fill('agent talked over the account number')
    await edit.getByLabel('Note').press('Enter')
    await expect(findings.locator('li')).toHaveCount(1)
    await expect(findings).toContainText('agent talked over the account number')
    await expect(page.getByLabel('Call summary')).toContainText('Findings1')
  })
})
