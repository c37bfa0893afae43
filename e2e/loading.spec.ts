import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

const demoFile = (name: string) => readFileSync(new URL(`../public/demo/${name}`, import.meta.url))

test.describe('opening calls', () => {
  test('a malformed history shows a clear error and the loaded call stays usable', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const history = JSON.parse(demoFile('session-report.json').toString()) as {
      chat_history: { items: { metrics?: Record<string, unknown> }[] }
    }
    const broken = { ...history, chat_history: { items: 'oops' } }
    await page.getByTestId('file-input').setInputFiles({
      name: 'broken-report.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    })
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('what was loaded before is kept')
    await expect(alert).toContainText(
      'broken-report.json › chat_history.items: expected an array, got string "oops"',
    )
    await expect(replay.regions).toHaveCount(10)
    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  })

  test('truncated JSON is reported, not thrown', async ({ replay, page }) => {
    await replay.open()
    await page.getByTestId('file-input').setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: demoFile('session-report.json').subarray(0, 4000),
    })
    await expect(page.getByRole('alert')).toContainText('cut.json: not valid JSON')
    await expect(replay.regions).toHaveCount(10)
  })

  test('picking the recording, the report and the timings together opens that call', async ({
    replay,
    page,
  }) => {
    await page.goto('/?history=demo/history.json')
    await expect(page.getByText('history.json · python history')).toBeVisible()
    await expect(replay.regions).toHaveCount(0)
    await expect(page.getByText('words estimated', { exact: true }).first()).toBeVisible()
    await page.getByTestId('file-input').setInputFiles([
      { name: 'call.ogg', mimeType: 'audio/ogg', buffer: demoFile('audio.ogg') },
      {
        name: 'report.json',
        mimeType: 'application/json',
        buffer: demoFile('session-report.json'),
      },
      { name: 'words.json', mimeType: 'application/json', buffer: demoFile('timed-strings.json') },
    ])
    await replay.waitForCall()
    await expect(page.getByText('call.ogg · 2 ch')).toBeVisible()
    await expect(page.getByText('report.json · python report')).toBeVisible()
    await expect(page.getByText('words.json · 10 segments')).toBeVisible()
    await expect(page.getByText('from the session report')).toBeVisible()
    await expect(page.getByText('words estimated', { exact: true })).toHaveCount(0)
  })

  test('dropping files anywhere on the page opens them', async ({ replay, page }) => {
    await replay.open()
    const history = demoFile('history.json').toString()
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], 'history.json', { type: 'application/json' }))
      return dt
    }, history)
    await page.dispatchEvent('body', 'drop', { dataTransfer })
    await expect(page.getByText('history.json · python history')).toBeVisible()
    await expect(replay.regions).toHaveCount(10)
    await expect(page.getByText('Demo call')).toHaveCount(0)
  })

  test('URL parameters load a call; a history without an anchor is placed from the audio', async ({
    replay,
    page,
  }) => {
    await replay.open(
      '/?audio=demo/audio.ogg&history=demo/history.json&timings=demo/timed-strings.json',
    )
    await expect(page.getByText('Demo call')).toHaveCount(0)
    await expect(page.getByText('guessed from the first user speech')).toBeVisible()
    const exported = await replay.exportAlignment()
    expect(exported.recording.t0_source).toBe('first_user_speech')
    const greeting = exported.items.find((i) => i.role === 'assistant')
    expect(greeting?.start_s).toBeCloseTo(0.9, 1)
  })

  test('a URL that fails shows the error with a retry', async ({ page }) => {
    await page.goto('/?audio=demo/audio.ogg&history=demo/missing.json')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('history could not be loaded')
    await expect(alert).toContainText('the file is probably missing')
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible()
  })

  test('a recording link that is not a URL is reported and the history still opens', async ({
    page,
  }) => {
    await page.goto('/?audio=https://&history=demo/history.json')
    await expect(page.getByRole('alert')).toContainText('audio could not be loaded: https://')
    await expect(page.getByText('history.json · python history')).toBeVisible()
  })

  test('a history passed where timings belong is named as the wrong kind of file', async ({
    page,
  }) => {
    await page.goto(
      '/?audio=demo/audio.ogg&history=demo/session-report.json&timings=demo/history.json',
    )
    await expect(page.getByRole('alert')).toContainText(
      'history.json: expected word timings, got a chat history or session report',
    )
    await expect(page.locator('[data-kind="region"]')).toHaveCount(10)
  })

  test('a recording is known by its bytes, whatever its name; a second one is left out, saying so', async ({
    replay,
    page,
  }) => {
    await replay.open()
    const picker = page.getByTestId('file-input')
    // An Egress MP4 is `video/mp4`: the picker must offer it, and Matroska.
    await expect(picker).toHaveAttribute('accept', /\.mp4\b.*\.mkv\b/)
    await picker.setInputFiles([
      { name: 'recording', mimeType: '', buffer: demoFile('audio.ogg') },
      { name: 'recording-copy.bin', mimeType: '', buffer: demoFile('audio.ogg') },
      { name: 'history.json', mimeType: 'application/json', buffer: demoFile('history.json') },
    ])
    await expect(page.getByText('recording · 2 ch · 67.1 s')).toBeVisible()
    await expect(page.getByRole('alert')).toContainText(
      'recording-copy.bin: left out: one recording at a time, and recording was opened',
    )
    await expect(page.getByRole('alert')).not.toContainText('JSON')
    await replay.waitForCall()
    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  })

  test('a recording that is not audio is refused and the open call keeps playing', async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByTestId('file-input').setInputFiles({
      name: 'broken.ogg',
      mimeType: 'audio/ogg',
      buffer: Buffer.from('OggS this is not really an ogg file'.repeat(40)),
    })
    await expect(page.getByRole('alert')).toContainText(
      'broken.ogg: the browser cannot decode this audio',
    )
    await expect(page.getByText('audio.ogg · 2 ch')).toBeVisible()
    await expect(replay.regions).toHaveCount(10)
    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  })
})
