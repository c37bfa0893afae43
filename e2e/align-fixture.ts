import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { ReplayPage } from './replay-page'

export const alignFixture = (name: string) => new URL(`./fixtures/align/${name}`, import.meta.url)

/**
 * Opens the generated call of `fixtures/align` (npm run fixtures:align) through the file picker: a
 * mono mix with a `created_at`-only history and no word timings.
 */
export async function openAlignFixture(page: Page, replay: ReplayPage) {
  await replay.open()
  await page.getByTestId('file-input').setInputFiles([
    { name: 'call.ogg', mimeType: 'audio/ogg', buffer: readFileSync(alignFixture('call.ogg')) },
    {
      name: 'history.json',
      mimeType: 'application/json',
      buffer: readFileSync(alignFixture('history.json')),
    },
  ])
}
