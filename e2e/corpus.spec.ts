import { readFileSync } from 'node:fs'
import { CORPUS } from './corpus/corpus'
import { expect, test } from './fixtures'

const corpusFile = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url))

test.describe('real-shaped files open through the file picker', () => {
  for (const sample of CORPUS) {
    test(`${sample.file}: ${sample.summary}`, async ({ replay, page }) => {
      await replay.open()
      await page.getByTestId('file-input').setInputFiles({
        name: sample.file,
        mimeType: 'application/json',
        buffer: corpusFile(sample.file),
      })
      const banner = page.getByRole('alert').filter({ hasText: sample.file })
      if (!sample.opens) {
        await expect(banner).toContainText('what was loaded before is kept')
        await expect(replay.regions).toHaveCount(10)
      } else if (sample.kind === 'history') {
        await expect(page.getByText(`${sample.file} ·`)).toBeVisible()
        await expect(replay.regions.first()).toBeVisible()
      }
      for (const expected of sample.says) await expect(banner).toContainText(expected)
      for (const absent of sample.neverSays ?? [])
        await expect(page.getByRole('alert').filter({ hasText: absent })).toHaveCount(0)
      if (sample.file === 'egress-457-days-away.json') {
        const dialog = page.getByRole('dialog', { name: 'These files are not from the same call' })
        await expect(dialog).toContainText('the Egress file started 457 days before the history')
        await dialog.getByRole('button', { name: /Set aside/ }).click()
        await expect(dialog).toBeHidden()
        await expect(replay.regions).toHaveCount(10)
      }
    })
  }

  test('a guessed recording start places the first message at or after 0', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByTestId('file-input').setInputFiles({
      name: 'history-created-at-only.json',
      mimeType: 'application/json',
      buffer: corpusFile('history-created-at-only.json'),
    })
    await expect(page.getByText('history-created-at-only.json ·')).toBeVisible()
    const exported = await replay.exportAlignment()
    expect(exported.recording.t0_source).toBe('earliest_timestamp')
    for (const item of exported.items) expect(item.start_s).toBeGreaterThanOrEqual(0)
  })

  test('a Node item nested 100,000 deep is refused with a sentence', async ({ replay, page }) => {
    await replay.open()
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    const text = `{"items":[{"id":"x","type":"message","role":"user","content":["hi"],"createdAt":1764000008857,"extraData":${deep}}]}`
    await page.getByTestId('file-input').setInputFiles({
      name: 'deep.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    })
    await expect(page.getByRole('alert')).toContainText('deep.json: too deeply nested to read')
    await expect(replay.regions).toHaveCount(10)
  })

  test('CSV cells from the history cannot run as formulas', async ({ replay, page }) => {
    await replay.open()
    const report = JSON.parse(
      readFileSync(new URL('../public/demo/session-report.json', import.meta.url), 'utf8'),
    ) as { chat_history: { items: { type: string; role?: string; content?: string[] }[] } }
    const user = report.chat_history.items.find((i) => i.role === 'user')
    if (!user) throw new Error('no user message')
    user.content = ['=HYPERLINK("http://evil.example","click")']
    await page.getByTestId('file-input').setInputFiles({
      name: 'formula-report.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(report)),
    })
    await expect(page.getByText('formula-report.json ·')).toBeVisible()
    const csv = (await replay.download('CSV')).text
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)
  })
})
