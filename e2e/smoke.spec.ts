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
