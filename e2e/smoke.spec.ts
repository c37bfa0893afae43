import { expect, test } from './fixtures'
import { demoTruth } from './replay-page'

test('the app opens on the demo call: waveform, one region per spoken message, transcript', async ({
  replay,
  page,
}) => {
  await replay.open()
  await expect(page.getByText('Demo call')).toBeVisible()
  await expect(replay.rows.first()).toBeVisible()
  const truth = demoTruth()
  const spoken = truth.items.filter((i) => i.type === 'message')
  expect(await replay.regions.count()).toBe(spoken.length)
})

test('the build’s content-named files are served to be kept for good, the page to be asked again', async ({
  request,
}) => {
  const page = await request.get('/')
  expect(page.headers()['cache-control']).toBe('no-cache')
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1]
  expect(script).toBeDefined()
  const asset = await request.get(script!)
  expect(asset.headers()['cache-control']).toContain('immutable')
})
