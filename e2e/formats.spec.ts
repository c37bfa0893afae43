import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cachedRecordings, decodeJobs, waitForFullWaveform } from './decode-state'
import { expect, test } from './fixtures'

/**
 * The demo call's own recording, re-encoded by ffmpeg into every other format a reviewer opens.
 * WAV's samples are read by the page's own parser (`wav` jobs, no probe), and an MP4's duration
 * and channels from its sample table (no probe); the rest are probed first, an MP3 by the
 * workers' own frame scan, a fragmented MP4 and WebM by mediabunny.
 */
const FRAGMENTED = ['-movflags', '+frag_keyframe+empty_moov+default_base_moof']
const FORMATS = [
  {
    name: 'call.wav',
    mime: 'audio/wav',
    args: ['-c:a', 'pcm_s16le', '-ar', '16000'],
    jobs: 'wav',
    probe: false,
    mediabunny: false,
  },
  {
    name: 'call.mp3',
    mime: 'audio/mpeg',
    args: ['-c:a', 'libmp3lame', '-b:a', '64k'],
    jobs: 'media',
    probe: true,
    mediabunny: false,
  },
  {
    name: 'call.m4a',
    mime: 'audio/mp4',
    args: ['-c:a', 'aac', '-b:a', '64k'],
    jobs: 'media',
    probe: false,
    mediabunny: true,
  },
  // Fragmented: its samples are found in its `moof` boxes, not in a sample table.
  {
    name: 'fragmented.m4a',
    mime: 'audio/mp4',
    args: ['-c:a', 'aac', '-b:a', '64k', '-frag_duration', '2000000', ...FRAGMENTED],
    jobs: 'media',
    probe: true,
    mediabunny: true,
  },
  // An Egress room composite: video and sound; the sound track is the one drawn.
  {
    name: 'composite.mp4',
    mime: 'video/mp4',
    args: [
      ...['-f', 'lavfi', '-i', 'color=c=blue:s=160x120:r=10', '-shortest'],
      ...['-map', '1:v', '-map', '0:a', '-c:v', 'mpeg4', '-c:a', 'aac', '-b:a', '64k'],
    ],
    jobs: 'media',
    probe: false,
    mediabunny: true,
  },
  {
    name: 'call.webm',
    mime: 'audio/webm',
    args: ['-c:a', 'libopus', '-b:a', '32k'],
    jobs: 'media',
    probe: true,
    mediabunny: true,
  },
] as const

const demoAudio = new URL('../public/demo/audio.ogg', import.meta.url).pathname
const dir = join(tmpdir(), `turnline-e2e-formats-${process.pid}`)

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true })
  for (const f of FORMATS)
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      demoAudio,
      ...f.args,
      join(dir, f.name),
    ])
})

for (const format of FORMATS) {
  test(`${format.name} is decoded in the workers, opens and plays`, async ({ replay, page }) => {
    const fetched: string[] = []
    page.on('request', (request) => fetched.push(request.url()))
    await replay.open()
    const before = (await decodeJobs(page)).length
    await page.getByTestId('file-input').setInputFiles({
      name: format.name,
      mimeType: format.mime,
      buffer: readFileSync(join(dir, format.name)),
    })
    await expect(
      page.getByText(new RegExp(`${format.name.replace('.', '\\.')} · 2 ch · 6[78]\\.\\d s`)),
    ).toBeVisible()
    await waitForFullWaveform(page, 'workers')
    await expect(page.getByRole('alert')).toHaveCount(0)
    const jobs = (await decodeJobs(page)).slice(before)
    expect(jobs[0]?.kind === 'probe').toBe(format.probe)
    expect(jobs.filter((j) => j.kind === 'probe').length).toBe(format.probe ? 1 : 0)
    expect(jobs.filter((j) => j.kind === format.jobs).length).toBeGreaterThanOrEqual(3)
    // The workers load mediabunny (its chunk with `media-range`) only for what needs a demuxer.
    expect(fetched.some((url) => url.includes('/media-range'))).toBe(format.mediabunny)
    await replay.waitForCall()
    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  })
}

test('an Ogg/Opus recording is split over the workers by pages', async ({ replay, page }) => {
  const wasm: string[] = []
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url())
  })
  await replay.open()
  await waitForFullWaveform(page, 'workers')
  const jobs = await decodeJobs(page)
  expect(jobs.length).toBeGreaterThanOrEqual(3)
  expect(jobs.every((j) => j.kind === 'ogg-opus')).toBe(true)
  // The features' FFT (`wasm-frame-power.ts`): PFFFT's WASM, from the app's own origin.
  const origin = new URL(page.url()).origin
  expect(
    wasm.filter((url) => url.startsWith(origin) && /\/pffft[^/]*\.wasm$/.test(url)),
  ).not.toEqual([])
})

test('a reopened recording draws its full waveform from the cache without decoding', async ({
  replay,
  page,
}) => {
  await replay.open()
  await waitForFullWaveform(page, 'workers')
  expect((await decodeJobs(page)).length).toBeGreaterThan(0)
  // The cache is written once the decode is done; a reload reopens the same recording.
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)
  await page.reload()
  await replay.waitForCall()
  await waitForFullWaveform(page, 'cache')
  expect(await decodeJobs(page)).toEqual([])
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
})
