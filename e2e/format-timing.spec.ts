import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Every format's waveform puts a sound where the media element plays it. The recording is a tone
 * that starts at exactly 0.5 s, encoded by ffmpeg into each format. Its encoders add leading
 * samples (MP3's encoder and decoder delay, AAC's priming, Opus's pre-skip), which the file says
 * how to cut and Chromium's player cuts; the decoders must cut the same, or the waveform (and the
 * alignment features) would sit 10–25 ms late.
 */
const STEREO = ['-ac', '2']
const FORMATS = [
  { name: 'onset.wav', mime: 'audio/wav', args: [...STEREO, '-c:a', 'pcm_s16le'] },
  { name: 'onset.ogg', mime: 'audio/ogg', args: [...STEREO, '-c:a', 'libopus', '-b:a', '64k'] },
  {
    name: 'onset.mp3',
    mime: 'audio/mpeg',
    args: [...STEREO, '-c:a', 'libmp3lame', '-b:a', '128k'],
  },
  {
    name: 'onset-vbr-mono-44k.mp3',
    mime: 'audio/mpeg',
    args: ['-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-q:a', '4'],
  },
  { name: 'onset.m4a', mime: 'audio/mp4', args: [...STEREO, '-c:a', 'aac', '-b:a', '128k'] },
  {
    name: 'onset-faststart.m4a',
    mime: 'audio/mp4',
    args: [...STEREO, '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart'],
  },
  { name: 'onset.webm', mime: 'audio/webm', args: [...STEREO, '-c:a', 'libopus', '-b:a', '64k'] },
] as const

const ONSET_BIN = 50 // 0.5 s at 100 peaks a second
const dir = join(tmpdir(), `turnline-e2e-format-timing-${process.pid}`)

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true })
  for (const f of FORMATS)
    execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=1'],
      // Amplitude 0.5 (0.35 in each of two channels), after 0.5 s of silence.
      ...['-af', 'volume=4,adelay=500'],
      ...f.args,
      join(dir, f.name),
    ])
})

/** The first peak bin of the left channel over 0.15 (the tone peaks at 0.35), from the peaks cache. */
async function firstLoudBin(page: Page): Promise<number | undefined> {
  const left = await cachedLeftPeaks(page)
  return left?.findIndex((peak) => peak > 0.15)
}

/** The left channel's peaks of the one recording in the peaks cache. */
function cachedLeftPeaks(page: Page): Promise<number[] | undefined> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('turnline-peaks-v4')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('no db'))
    })
    const entries = await new Promise<{ peaks: Float32Array[] }[]>((resolve) => {
      const request = db.transaction('peaks').objectStore('peaks').getAll()
      request.onsuccess = () => resolve(request.result as { peaks: Float32Array[] }[])
    })
    db.close()
    const left = entries.length === 1 ? entries[0]?.peaks[0] : undefined
    return left && Array.from(left)
  })
}

async function openUntilCached(page: Page, name: string): Promise<number[] | undefined> {
  await page.goto(`/?audio=${name}`)
  await expect(page.getByTestId('peaks-status')).toHaveAttribute('data-complete', 'true')
  await expect.poll(() => cachedLeftPeaks(page)).toBeDefined()
  return cachedLeftPeaks(page)
}

for (const format of FORMATS) {
  test(`${format.name}: the waveform starts the tone at 0.5 s, where it plays`, async ({
    page,
  }) => {
    await page.route(`**/${format.name}`, (route) =>
      route.fulfill({
        body: readFileSync(join(dir, format.name)),
        contentType: format.mime,
      }),
    )
    await page.goto(`/?audio=${format.name}`)
    const status = page.getByTestId('peaks-status')
    await expect(status).toHaveAttribute('data-complete', 'true')
    await expect(status).toHaveAttribute('data-source', 'workers')
    await expect.poll(() => firstLoudBin(page)).toBe(ONSET_BIN)
  })
}

test('Opus in WebM is drawn as the same packets in Ogg are', async ({ browser }) => {
  // ffmpeg's libopus encoded the same tone for both; the Ogg's packets go to libopus by pages, the
  // WebM's through mediabunny in batches: samples placed apart would change the peaks.
  const peaks = []
  for (const format of FORMATS.filter((f) => f.name === 'onset.ogg' || f.name === 'onset.webm')) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.route(`**/${format.name}`, (route) =>
      route.fulfill({ body: readFileSync(join(dir, format.name)), contentType: format.mime }),
    )
    peaks.push(await openUntilCached(page, format.name))
    await context.close()
  }
  const [ogg, webm] = peaks
  expect(ogg?.length).toBeGreaterThan(100)
  // The WebM's length is read from its container, the pre-skip's 6.5 ms counted in: a bin more.
  expect(Math.abs(webm!.length - ogg!.length)).toBeLessThanOrEqual(1)
  const apart = ogg!.map((peak, i) => Math.abs(peak - (webm![i] ?? peak)))
  // 0.0017 apart at most (the bin before the onset), 0.007 with the pre-skip left out.
  expect(Math.max(...apart)).toBeLessThan(0.004)
})
