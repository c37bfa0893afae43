import type { Page } from '@playwright/test'
import { longCall } from '../scripts/review-call/long-call'
import type { ReplayPage } from './replay-page'

/** The generated 15-minute review call (305 messages, no word timings), built once per file. */
export const call = longCall()

export const longCallFiles = [
  { name: 'long-call.wav', mimeType: 'audio/wav', buffer: Buffer.from(call.wav) },
  { name: 'long-report.json', mimeType: 'application/json', buffer: Buffer.from(call.report) },
]

/** Opens it through the file picker and waits until every message is on the waveform. */
export async function openLongCall(replay: ReplayPage, page: Page) {
  await replay.open()
  await page.getByTestId('file-input').setInputFiles(longCallFiles)
  await replay.waitForCall(call.truth.messages)
}
