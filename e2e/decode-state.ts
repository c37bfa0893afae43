import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** A decode job as the app logs it (`decode-log.ts`): its kind and the range it covers. */
export type DecodeJob = { kind: string; emitFrom?: number; emitTo?: number; fromS?: number }

/** Every job the decode workers were given since the page loaded. */
export const decodeJobs = (page: Page) =>
  page.evaluate(
    () => (window as { __turnline?: { decodeJobs: DecodeJob[] } }).__turnline?.decodeJobs ?? [],
  )

/** The names of the performance marks the app set (`audio:open`, `waveform:first`, …). */
export const marks = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name))

/** Waits until the whole waveform is drawn, from `source` (`workers` or `cache`). */
export async function waitForFullWaveform(page: Page, source: string, timeout?: number) {
  const status = page.getByTestId('peaks-status')
  await expect(status).toHaveAttribute('data-complete', 'true', timeout ? { timeout } : {})
  await expect(status).toHaveAttribute('data-source', source)
}

/** How many recordings the peaks cache holds. */
export function cachedRecordings(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('turnline-peaks-v4')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('no db'))
    })
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('meta').objectStore('meta').count()
      request.onsuccess = () => resolve(request.result)
    })
    db.close()
    return count
  })
}
