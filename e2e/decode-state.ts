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

/**
 * The cache's entries that keep a link (see `Meta.link`), each with whether its waveform is
 * silent in the middle tenth of the recording (its loudest bin there under 0.01).
 */
export function linkedEntries(page: Page): Promise<{ link: string; silentMiddle: boolean }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('turnline-peaks-v4')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('no db'))
    })
    const read = <T>(store: string, how: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve) => {
        const request = how(db.transaction(store).objectStore(store))
        request.onsuccess = () => resolve(request.result as T)
      })
    const keys = await read<string[]>('meta', (s) => s.getAllKeys())
    const metas = await read<{ link?: string }[]>('meta', (s) => s.getAll())
    const linked: { link: string; silentMiddle: boolean }[] = []
    for (const [i, meta] of metas.entries()) {
      if (!meta.link) continue
      const { peaks } = await read<{ peaks: Float32Array[] }>('peaks', (s) => s.get(keys[i]!))
      const loudest = (channel: Float32Array) => {
        const middle = channel.subarray(channel.length * 0.45, channel.length * 0.55)
        return middle.reduce((max, v) => Math.max(max, Math.abs(v)), 0)
      }
      linked.push({ link: meta.link, silentMiddle: Math.max(...peaks.map(loudest)) < 0.01 })
    }
    db.close()
    return linked
  })
}
