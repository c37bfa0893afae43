import { readFileSync } from 'node:fs'
import type { Download, Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { AlignmentExport } from '../src/domain/export/alignment-schema'
import { alignmentExportSchema } from '../src/domain/export/alignment-schema'

export const DEMO_SPOKEN_MESSAGES = 10

/** Exact positions the demo generator laid every word out at (public/demo/truth.json). */
export interface Truth {
  duration_s: number
  backchannels: { text: string; start_s: number; end_s: number }[]
  items: {
    id: string
    type: string
    start_s: number
    end_s: number | null
    words: { text: string; start_s: number; heard: boolean }[]
  }[]
}

export function demoTruth(): Truth {
  return JSON.parse(
    readFileSync(new URL('../public/demo/truth.json', import.meta.url), 'utf8'),
  ) as Truth
}

/** The app as a reviewer drives it. */
export class ReplayPage {
  readonly regions: Locator
  readonly rows: Locator
  readonly clock: Locator
  readonly offsetInput: Locator

  constructor(readonly page: Page) {
    this.regions = page.locator('[data-kind="region"]')
    this.rows = page.getByTestId('transcript').locator('li[data-row]')
    this.clock = page.getByTestId('clock')
    this.offsetInput = page.getByLabel('Global offset in milliseconds')
  }

  async open(path = '/') {
    await this.page.goto(path)
    await this.waitForCall()
  }

  /** The call is on the page with this many message regions, as elements or painted. */
  async waitForCall(regions = DEMO_SPOKEN_MESSAGES) {
    await expect(this.page.locator('.tl-layer')).toHaveAttribute('data-regions', String(regions))
    await expect(this.page.getByRole('button', { name: 'Play' })).toBeEnabled()
  }

  async seconds(): Promise<number> {
    return Number(await this.clock.getAttribute('data-seconds'))
  }

  async regionStarts(): Promise<Record<string, number>> {
    return this.regions.evaluateAll((els): Record<string, number> =>
      Object.fromEntries(
        els.map((el): [string, number] => [
          (el as HTMLElement).dataset.id ?? '',
          Number((el as HTMLElement).dataset.start),
        ]),
      ),
    )
  }

  row(id: string): Locator {
    return this.page.locator(`li[data-id="${id}"]`)
  }

  region(id: string): Locator {
    return this.page.locator(`[data-kind="region"][data-id="${id}"]`)
  }

  async download(button: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ])
    const path = await download.path()
    return { download, text: readFileSync(path, 'utf8') }
  }

  /** Downloads the corrected offsets and validates them against the export's own schema. */
  async exportAlignment(): Promise<AlignmentExport> {
    const { text } = await this.download('Export offsets (JSON)')
    return alignmentExportSchema.parse(JSON.parse(text))
  }

  async pause() {
    const pause = this.page.getByRole('button', { name: 'Pause' })
    if (await pause.isVisible()) await pause.click()
  }

  /** The highlighted word and the playhead, read in the same frame. */
  async activeWord(): Promise<{ time: number; start: number; end: number; text: string } | null> {
    return this.page.evaluate(() => {
      const word = document.querySelector<HTMLElement>('[data-word-active]')
      const clock = document.querySelector<HTMLElement>('[data-testid="clock"]')
      if (!word || !clock) return null
      return {
        time: Number(clock.dataset.seconds),
        start: Number(word.dataset.start),
        end: Number(word.dataset.end),
        text: word.textContent?.trim() ?? '',
      }
    })
  }
}
