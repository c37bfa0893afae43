import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const demoText = (name: string) =>
  readFileSync(new URL(`../public/demo/${name}`, import.meta.url), 'utf8')
const demoBuffer = (name: string) =>
  readFileSync(new URL(`../public/demo/${name}`, import.meta.url))

/** The demo call with some item ids renamed to Object.prototype members, everywhere they appear. */
const RENAMED: Record<string, string> = {
  item_3f0c9a17e2b4: 'hasOwnProperty',
  item_c19e7a3f52d0: 'constructor',
  item_5b82d0f4a1e7: '__proto__',
  item_e7d3096c4b18: 'toString',
}

function renamed(text: string): Buffer {
  let out = text
  for (const [from, to] of Object.entries(RENAMED)) out = out.replaceAll(from, to)
  return Buffer.from(out)
}

async function openPrototypeCall(page: Page) {
  await page.getByTestId('file-input').setInputFiles([
    { name: 'proto.ogg', mimeType: 'audio/ogg', buffer: demoBuffer('audio.ogg') },
    {
      name: 'proto-report.json',
      mimeType: 'application/json',
      buffer: renamed(demoText('session-report.json')),
    },
    {
      name: 'proto-words.json',
      mimeType: 'application/json',
      buffer: renamed(demoText('timed-strings.json')),
    },
  ])
}

/** The demo's saved-corrections key: its first item and the agent's own recording. */
const DEMO_STORAGE_KEY = 'turnline:corrections:item_3f0c9a17e2b4|agent'

test.describe('hostile input', () => {
  test('ids named constructor, toString and __proto__ nudge, export and re-open', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await openPrototypeCall(page)
    await expect(replay.row('__proto__')).toBeVisible()
    await expect(replay.region('constructor')).toBeVisible()
    await replay.row('__proto__').click()
    await replay.pause()
    await page.getByRole('radio', { name: 'Selected', exact: true }).click()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    await replay.row('constructor').click()
    await page.getByRole('button', { name: 'Nudge −10 ms' }).click()
    const exported = await replay.exportAlignment()
    const nudge = (id: string) => exported.items.find((i) => i.id === id)?.nudge_s
    expect(nudge('__proto__')).toBe(0.1)
    expect(nudge('constructor')).toBe(-0.01)
    expect(nudge('toString')).toBe(0)
    for (const item of exported.items) expect(typeof item.start_s).toBe('number')

    const csv = (await replay.download('CSV')).text
    expect(csv).toMatch(/\r\n__proto__,message,user,[\d.]+,[\d.]+,0\.1,/)
    expect(csv).toMatch(/\r\nconstructor,message,assistant,[\d.]+,[\d.]+,-0\.01,/)

    await page.getByRole('button', { name: 'Reset' }).click()
    await page.getByTestId('file-input').setInputFiles({
      name: 'proto.turnline.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    })
    await expect(replay.row('__proto__').getByTitle('Your correction for this item')).toBeVisible()
    const again = await replay.exportAlignment()
    expect(again.items.find((i) => i.id === 'constructor')?.nudge_s).toBe(-0.01)
  })

  test('a full storage says the corrections are not saved and offers the export', async ({
    replay,
    page,
  }) => {
    await page.addInitScript(() => {
      const original = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')
      const setItem = original?.value as (this: Storage, key: string, value: string) => void
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (key.startsWith('turnline:corrections:'))
          throw new DOMException('quota', 'QuotaExceededError')
        setItem.call(this, key, value)
      }
    })
    await replay.open()
    await page.getByRole('button', { name: 'Nudge +100 ms' }).click()
    const notice = page.getByRole('alert').filter({ hasText: 'not saved' })
    await expect(notice).toContainText("the browser's storage for this page is full")
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Export offsets (JSON)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.turnline\.json$/)
  })

  test('two tabs on one call: the second tab is told and can take the change', async ({
    replay,
    page,
    context,
  }) => {
    await replay.open()
    const other = await context.newPage()
    await other.goto('/')
    await expect(other.locator('[data-kind="region"]')).toHaveCount(10)
    await other.getByRole('button', { name: 'Nudge +1 s' }).click()
    const notice = page.getByRole('alert').filter({ hasText: 'Another tab changed' })
    await expect(notice).toBeVisible()
    await expect(replay.offsetInput).toHaveValue('0')
    await notice.getByRole('button', { name: "Use the other tab's" }).click()
    await expect(replay.offsetInput).toHaveValue('1000')
    await expect(notice).toBeHidden()
    await other.close()
  })

  test('an absurd saved offset is left out with a message; the valid ones are kept', async ({
    replay,
    page,
  }) => {
    await page.addInitScript((key) => {
      if (sessionStorage.getItem('seeded')) return
      sessionStorage.setItem('seeded', '1')
      const nudges = { item_e7d3096c4b18: 1e308, item_2a6f1c8e9d43: 0.25 }
      localStorage.setItem(key, JSON.stringify({ globalOffset: 0.1, nudges }))
    }, DEMO_STORAGE_KEY)
    await replay.open()
    await expect(replay.offsetInput).toHaveValue('100')
    await expect(page.getByRole('alert')).toContainText('nudges["item_e7d3096c4b18"]: 1e+308 s')
    const exported = await replay.exportAlignment()
    expect(exported.items.find((i) => i.id === 'item_2a6f1c8e9d43')?.nudge_s).toBe(0.25)
    expect(exported.items.find((i) => i.id === 'item_e7d3096c4b18')?.nudge_s).toBe(0)
  })
})
