import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { DecodeJob } from './decode-state'
import {
  cachedRecordings,
  decodeJobs,
  linkedEntries,
  marks,
  waitForFullWaveform,
} from './decode-state'
import { expect, test } from './fixtures'

/**
 * A linked recording is drawn from its first bytes while the rest downloads. The recording is
 * served from a server of the test's own that answers ranged reads at once but holds back the
 * body of a whole-file read after its first bytes until the test lets it go: the waveform has to
 * be drawn while the download is still waiting.
 */
const demoAudio = new URL('../public/demo/audio.ogg', import.meta.url).pathname
const demoHistory = new URL('../public/demo/history.json', import.meta.url).pathname
const dir = join(tmpdir(), `turnline-e2e-streamed-${process.pid}`)
/** Each file, and how much of it a whole-file read gets before it is held back. */
const recordings = new Map<
  string,
  { bytes: Buffer; type: string; firstBytes: number; trailing?: number }
>()
let server: Server
let release: () => void = () => {}
let released = new Promise<void>((resolve) => (release = resolve))
let wholeReads = 0
/**
 * Ranged reads of the content key's 32 KB slices after its first, and how many there were when
 * a tail (the last 128 KB) was answered.
 */
let sliceReads = 0
/** Ranged reads of the key's first slice: a lookup of the link that found no entry of it. */
let firstSliceReads = 0
/** Ranged reads of over 256 KB inside the file: a decode reading its ranges from the link. */
let decodeReads = 0
let sliceReadsBeforeTail: number[] = []
/** A tail is answered once this many slices were asked for, or after 5 s. */
let tailWaitsForSlices = 0
let linksExpired = false
/** Every read waits for the test to let the download go: the page gets no byte until then. */
let allHeld = false
/** The server sends no CORS headers, as a bucket without CORS rules for the page's origin. */
let corsRefused = false
let answered = 0

test.beforeAll(async () => {
  // ffmpeg encodes some 25 minutes of audio here: over 30 s on a slow 2-core machine whose other
  // core runs another test file.
  test.setTimeout(120_000)
  mkdirSync(dir, { recursive: true })
  // Seven times the demo call: about 8 minutes and 2 MB, over the size read whole before decoding.
  serveDemo('call.ogg', 6, ['-c:a', 'libopus', '-b:a', '32k'], 'audio/ogg', 256 << 10)
  // Three times, as 16 kHz WAV: 3.4 minutes and 13 MB, held back after its first 25 s.
  serveDemo('call.wav', 2, ['-c:a', 'pcm_s16le', '-ar', '16000'], 'audio/wav', 1600 << 10)
  // Six times, as 48 kHz WAV: 6.7 minutes and 77 MB, over the size a download is kept whole,
  // with 4.5 MB of metadata after its samples (a picture, as some recorders add), whose last
  // 100 KB are held back.
  serveDemo('long.wav', 5, ['-c:a', 'pcm_s16le', '-ar', '48000'], 'audio/wav', 0)
  withTrailingChunk('/long.wav', 4_500_000, 100_000)
  // Four times, as AAC: 2 MB, not held back.
  serveDemo('call.m4a', 3, ['-c:a', 'aac', '-b:a', '64k'], 'audio/mp4', 8 << 20)
  // The same as ffmpeg writes it, its sample table (`moov`) last, as MP3 and as WebM (its cues
  // last): held back after some 30 s.
  serveDemo('held.m4a', 3, ['-c:a', 'aac', '-b:a', '64k'], 'audio/mp4', 256 << 10)
  serveDemo('held.mp3', 3, ['-c:a', 'libmp3lame', '-b:a', '64k'], 'audio/mpeg', 256 << 10)
  serveDemo('held.webm', 3, ['-c:a', 'libopus', '-b:a', '64k'], 'audio/webm', 256 << 10)
  server = createServer((request, response) => void serve(request, response))
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
})

/** The demo call looped `loops` more times, encoded by ffmpeg, served as `/${name}`. */
function serveDemo(name: string, loops: number, codec: string[], type: string, firstBytes: number) {
  const file = join(dir, name)
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-stream_loop', String(loops), '-i', demoAudio],
    ...[...codec, file],
  ])
  recordings.set(`/${name}`, { bytes: readFileSync(file), type, firstBytes })
}

/**
 * Appends a chunk after a WAV's samples (the RIFF size grows with it; `data`'s does not), whose
 * last `heldBack` bytes a whole-file read waits for.
 */
function withTrailingChunk(path: string, bytes: number, heldBack: number) {
  const served = recordings.get(path)!
  const chunk = Buffer.alloc(8 + bytes, 0x55)
  chunk.write('LIST', 0, 'latin1')
  chunk.writeUInt32LE(bytes, 4)
  const file = Buffer.concat([served.bytes, chunk])
  file.writeUInt32LE(file.length - 8, 4)
  recordings.set(path, {
    ...served,
    bytes: file,
    firstBytes: file.length - heldBack,
    trailing: chunk.length,
  })
}

test.afterAll(() => {
  release()
  server.close()
})

async function serve(request: IncomingMessage, response: ServerResponse) {
  if (!corsRefused) {
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Access-Control-Allow-Headers', 'Range')
    response.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length')
  }
  response.setHeader('Accept-Ranges', 'bytes')
  if (request.method === 'OPTIONS') return response.writeHead(204).end()
  if (allHeld) await released
  answered += 1
  // A signed link's query names the same file; once it has expired, nothing is answered.
  const served = recordings.get(new URL(request.url ?? '', 'http://localhost').pathname)
  if (!served) return response.writeHead(404).end()
  if (linksExpired) return response.writeHead(403).end()
  const { bytes: recording, firstBytes } = served
  response.setHeader('Content-Type', served.type)
  const size = recording.length
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '')
  if (range) {
    // `bytes=-N`: the last N bytes.
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]))
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    response.writeHead(206, {
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': String(end - start + 1),
    })
    // A media element's read of the whole file is held back like the download.
    if (start === 0 && end - start + 1 > firstBytes)
      return holdBack(response, recording.subarray(0, end + 1), firstBytes)
    const length = end - start + 1
    if (start > 0 && length === 32 << 10) sliceReads += 1
    if (start === 0 && length === 32 << 10) firstSliceReads += 1
    if (start > 0 && end < size - 1 && length > 256 << 10) decodeReads += 1
    if (start > 0 && end === size - 1 && length > 32 << 10) {
      await until(() => sliceReads >= tailWaitsForSlices, 5000)
      sliceReadsBeforeTail.push(sliceReads)
    }
    return response.end(recording.subarray(start, end + 1))
  }
  wholeReads += 1
  response.writeHead(200, { 'Content-Length': String(size) })
  await holdBack(response, recording, firstBytes)
}

async function until(done: () => boolean, timeoutMs: number) {
  for (const end = Date.now() + timeoutMs; !done() && Date.now() < end;)
    await new Promise((resolve) => setTimeout(resolve, 10))
}

async function holdBack(response: ServerResponse, bytes: Buffer, firstBytes: number) {
  response.write(bytes.subarray(0, firstBytes))
  await released
  response.end(bytes.subarray(firstBytes))
}

test.beforeEach(() => {
  released = new Promise<void>((resolve) => (release = resolve))
  wholeReads = 0
  sliceReads = 0
  firstSliceReads = 0
  decodeReads = 0
  sliceReadsBeforeTail = []
  tailWaitsForSlices = 0
  linksExpired = false
  allHeld = false
  corsRefused = false
  answered = 0
})

test('a linked recording draws its opening seconds before its download is complete', async ({
  page,
  replay,
}) => {
  await recordPlayedMedia(page)
  const { port } = server.address() as AddressInfo
  await page.goto(`/?audio=${encodeURIComponent(`http://localhost:${port}/call.ogg`)}`)
  // Drawn while the server still holds back all but the first bytes of the file.
  await expect.poll(() => marks(page)).toContain('waveform:first')
  expect(wholeReads).toBe(1)
  expect(await marks(page)).not.toContain('audio:open')
  const opening = await decodeJobs(page)
  expect(opening).toHaveLength(2)
  expect(opening[0]?.emitFrom).toBe(0)

  release()
  const status = page.getByTestId('peaks-status')
  await expect(status).toHaveAttribute('data-complete', 'true', { timeout: 30_000 })
  await expect(status).toHaveAttribute('data-source', 'workers')
  expect(await marks(page)).toContain('audio:open')
  // Every range decoded once: the opening two are not decoded again from the whole file.
  const jobs = await decodeJobs(page)
  const starts = jobs.map((j) => j.emitFrom)
  expect(new Set(starts).size).toBe(starts.length)
  expect(jobs.length).toBeGreaterThan(2)
  await expect(page.getByText(/call\.ogg · 2 ch · 4[67]\d\.\d s/)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  // It plays from the page's copy of the file once that is in.
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  expect((await playedFrom(page)).startsWith('blob:')).toBe(true)
  await expect(page.getByText(/plays from its link/)).toHaveCount(0)
})

test('a link new to the cache is looked up once, by the page’s first script, not again by the app', async ({
  page,
}) => {
  const lookups: string[] = []
  let lookupsEnded = 0
  page.on('worker', (worker) => {
    if (!worker.url().includes('link-lookup')) return
    lookups.push(worker.url())
    worker.on('close', () => (lookupsEnded += 1))
  })
  // The app's code arrives only once the first script's lookup has ended (no entry of that
  // link, nor of that size): the app then takes its answer.
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await until(() => lookupsEnded > 0, 10_000)
    await route.continue()
  })
  await openDrawn(page, 'call.ogg')
  release()
  await waitForFullWaveform(page, 'workers', 30_000)
  expect(lookups).toHaveLength(1)
  expect(firstSliceReads).toBe(1)
  expect(wholeReads).toBe(1)
})

test('the recording’s download and its tail are asked for by the page’s first script, before the app’s code, and once', async ({
  page,
}) => {
  let askedBeforeApp = false
  const tailsRead = () => sliceReadsBeforeTail.length
  // The app's code arrives once the recording and its tail were asked for, or after 5 s.
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await until(() => wholeReads > 0 && tailsRead() > 0, 5000)
    askedBeforeApp = wholeReads > 0 && tailsRead() > 0
    await route.continue()
  })
  await openDrawn(page, 'call.ogg')
  release()
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(askedBeforeApp).toBe(true)
  expect(wholeReads).toBe(1)
  expect(tailsRead()).toBe(1)
})

test('a new linked recording’s opening ranges are decoded from the page’s first script, before the app’s code, and once', async ({
  page,
}) => {
  let openingBeforeApp: DecodeJob[] = []
  // The app's code arrives once two ranges were handed to the decode workers, or after 10 s.
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    for (const end = Date.now() + 10_000; Date.now() < end;) {
      openingBeforeApp = await decodeJobs(page)
      if (openingBeforeApp.length >= 2) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await route.continue()
  })
  await openDrawn(page, 'call.ogg')
  expect(openingBeforeApp.map((job) => job.emitFrom)).toEqual(
    (await decodeJobs(page)).slice(0, 2).map((job) => job.emitFrom),
  )
  expect(openingBeforeApp[0]).toMatchObject({ kind: 'ogg-opus', emitFrom: 0 })
  release()
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect(page.getByRole('alert')).toHaveCount(0)
  // Every range decoded once: the app took the opening ranges the first script decoded.
  const starts = (await decodeJobs(page)).map((job) => job.emitFrom)
  expect(new Set(starts).size).toBe(starts.length)
  expect(starts.length).toBeGreaterThan(2)
  expect(wholeReads).toBe(1)
})

test('the recording’s later ranges wait while the call’s history is on its way, its opening ones do not', async ({
  page,
}) => {
  let letHistoryGo: () => void = () => {}
  const historyHeld = new Promise<void>((resolve) => (letHistoryGo = resolve))
  await page.route('**/held/history.json', async (route) => {
    await historyHeld
    await route.fulfill({ path: demoHistory, contentType: 'application/json' })
  })
  const { port } = server.address() as AddressInfo
  const audio = encodeURIComponent(`http://localhost:${port}/call.ogg`)
  await page.goto(`/?audio=${audio}&history=held/history.json`)
  await expect.poll(() => marks(page)).toContain('waveform:first')
  release()
  await expect.poll(() => marks(page)).toContain('audio:open')
  // Less than the longest the decode waits for the texts (2 s from here at most).
  await page.waitForTimeout(1000)
  expect(await decodeJobs(page)).toHaveLength(2)
  letHistoryGo()
  await waitForFullWaveform(page, 'workers', 30_000)
  expect((await decodeJobs(page)).length).toBeGreaterThan(2)
  await expect(page.getByTestId('transcript').locator('li[data-row]').first()).toBeVisible()
})

/** Keeps the media elements that played, to see where from (`playedFrom`). */
function recordPlayedMedia(page: Page) {
  return page.addInitScript(() => {
    const played: HTMLMediaElement[] = []
    Object.assign(window, { played })
    // Called with the element as `this` below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const play = HTMLMediaElement.prototype.play
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this)
      return play.call(this)
    }
  })
}

/** The URL the media element that played last played from. */
const playedFrom = (page: Page) =>
  page.evaluate(() => (window as { played?: HTMLMediaElement[] }).played?.at(-1)?.src ?? '')

test('a linked WAV recording fills in as it downloads, each range once its bytes are in', async ({
  page,
  replay,
}) => {
  // The opening 10 s are drawn from the first 25 s of the file, while the rest is held back.
  await openDrawn(page, 'call.wav')
  expect(wholeReads).toBe(1)
  expect(await marks(page)).not.toContain('audio:open')
  const status = page.getByTestId('peaks-status')
  await expect(status).toHaveAttribute('data-complete', 'false')
  const opening = await decodeJobs(page)
  expect(opening.map((j) => [j.kind, j.fromS])).toEqual([
    ['wav', 0],
    ['wav', 5],
  ])

  release()
  await expect(status).toHaveAttribute('data-complete', 'true', { timeout: 30_000 })
  await expect(status).toHaveAttribute('data-source', 'workers')
  const jobs = await decodeJobs(page)
  const starts = jobs.map((j) => j.fromS)
  expect(new Set(starts).size).toBe(starts.length)
  expect(starts.length).toBe(2 + Math.ceil((recordingSeconds('/call.wav') - 10) / 60))
  await expect(page.getByText(/call\.wav · 2 ch · 20\d\.\d s/)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
})

for (const [name, how] of [
  ['held.m4a', 'its sample table read by range'],
  ['held.mp3', 'placed by its first frame'],
  ['held.webm', 'its clusters found by its cues'],
] as const) {
  test(`a linked ${name} fills in as it downloads, each range once its bytes are in, ${how}`, async ({
    page,
    replay,
  }) => {
    // The opening 10 s are drawn from the first 256 KB, while the rest is held back (an M4A's
    // sample table and a WebM's cues, at the file's end, came by a ranged read).
    await openDrawn(page, name)
    expect(wholeReads).toBe(1)
    expect(await marks(page)).not.toContain('audio:open')
    const status = page.getByTestId('peaks-status')
    await expect(status).toHaveAttribute('data-complete', 'false')
    const ranges = async () => (await decodeJobs(page)).filter((j) => j.kind === 'media')
    expect((await ranges()).map((j) => j.fromS)).toEqual([0, 5])
    // Each says how long it plays and its channels in what the page read: no worker probes it.
    expect((await decodeJobs(page)).filter((j) => j.kind === 'probe')).toEqual([])

    release()
    await expect(status).toHaveAttribute('data-complete', 'true', { timeout: 30_000 })
    await expect(status).toHaveAttribute('data-source', 'workers')
    const starts = (await ranges()).map((j) => j.fromS)
    expect(new Set(starts).size).toBe(starts.length)
    // Four times the demo call, some 270 s: two opening ranges of 5 s, then a minute each.
    expect(starts.length).toBe(2 + 5)
    await expect(page.getByText(new RegExp(`${name} · 2 ch · 2[67]\\d\\.\\d s`))).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  })
}

/** Opens the page on a recording of the test's server, and waits for its first waveform. */
async function openDrawn(page: Page, name: string) {
  const { port } = server.address() as AddressInfo
  await page.goto(`/?audio=${encodeURIComponent(`http://localhost:${port}/${name}`)}`)
  await expect.poll(() => marks(page)).toContain('waveform:first')
}

/**
 * Reloads with every read held back until `release()`, and checks the waveform is drawn whole
 * from the cache with no read answered and no decode job.
 */
async function reloadDrawnWithNothingAnswered(page: Page) {
  released = new Promise<void>((resolve) => (release = resolve))
  allHeld = true
  answered = 0
  await page.reload()
  await waitForFullWaveform(page, 'cache')
  expect(answered).toBe(0)
  expect(await decodeJobs(page)).toEqual([])
}

/** A WAV's length from its size (ffmpeg's header is 78 bytes), 16 kHz stereo 16-bit unless told. */
function recordingSeconds(path: string, bytesPerSecond = 64_000): number {
  const served = recordings.get(path)
  return ((served?.bytes.length ?? 0) - 78 - (served?.trailing ?? 0)) / bytesPerSecond
}

test('a linked WAV whose download is cancelled keeps what was drawn, says why the rest is missing and plays', async ({
  page,
  replay,
}) => {
  await openDrawn(page, 'call.wav')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('alert')).toContainText('cancelled')
  const status = page.getByTestId('peaks-status')
  await expect(status).toHaveAttribute('data-stopped', 'true')
  await expect(status).toContainText(/Waveform \d+ % decoded; the rest could not be \(.+\)/)
  await expect(status).toHaveAttribute('data-complete', 'false')
  // The opening stays drawn: its two ranges, and no more.
  expect((await decodeJobs(page)).length).toBe(2)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
})

test('a linked WAV too large to keep is read by ranges from its link, plays from there and is cached', async ({
  page,
  replay,
}) => {
  await recordPlayedMedia(page)
  // Its download is held back after its first bytes: the workers do not wait for it.
  await openDrawn(page, 'long.wav')
  const expected = 2 + Math.ceil((recordingSeconds('/long.wav', 192_000) - 10) / 60)
  await waitForFullWaveform(page, 'workers', 60_000)
  // The whole file was never in the page's hands: its download ended once the format was read,
  // and each range's bytes were read from the link when a worker reached it.
  expect(await marks(page)).not.toContain('audio:open')
  expect(wholeReads).toBe(1)
  expect(decodeReads).toBe(expected)
  const starts = (await decodeJobs(page)).map((j) => j.fromS ?? -1)
  expect(new Set(starts).size).toBe(starts.length)
  expect(starts.length).toBe(expected)
  await expect(page.getByText(/long\.wav · 2 ch · 40\d\.\d s · plays from its link/)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  const { port } = server.address() as AddressInfo
  expect(await playedFrom(page)).toBe(`http://localhost:${port}/long.wav`)

  // Its cache key, from the key's slices read in ranges, is the whole file's: a reopen finds it.
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)
  await page.reload()
  await waitForFullWaveform(page, 'cache', 60_000)
  expect(await decodeJobs(page)).toEqual([])
})

test('a reopened linked recording is drawn from the cache while its download is still held back', async ({
  page,
  replay,
}) => {
  release()
  await openDrawn(page, 'call.ogg')
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)

  // Reopened with all but the first bytes held back, and the page's own read of the tail held
  // until the key's slices are all asked for: the lookup reads them in ranges, without waiting
  // for the page. The first and the last find the entry; the other 30 confirm it.
  released = new Promise<void>((resolve) => (release = resolve))
  sliceReads = 0
  sliceReadsBeforeTail = []
  tailWaitsForSlices = 31
  await page.reload()
  await waitForFullWaveform(page, 'cache')
  await expect.poll(() => sliceReadsBeforeTail).toEqual([31])
  expect(await marks(page)).not.toContain('audio:open')
  expect(await decodeJobs(page)).toEqual([])
  expect(wholeReads).toBe(2)
  // Its download, held back, is not waited for: it ends, and the status line with it.
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
  await expect(
    page.getByText(/call\.ogg · 2 ch · 4[67]\d\.\d s · plays from its link/),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
  release()
})

for (const name of ['call.ogg', 'call.m4a']) {
  test(`a reopened link is drawn from the cache before any of its bytes come, and confirmed once they do: ${name}`, async ({
    page,
  }) => {
    release()
    await openDrawn(page, name)
    await waitForFullWaveform(page, 'workers', 30_000)
    await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)

    // No read is answered, ranged or whole: only the link itself can find what it was.
    await reloadDrawnWithNothingAnswered(page)

    // Its bytes come: every slice of its key is read, and the recording is what was cached.
    sliceReads = 0
    release()
    await expect.poll(() => sliceReads).toBeGreaterThanOrEqual(31)
    await expect(page.getByText(`${name} · 2 ch`)).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    expect(await decodeJobs(page)).toEqual([])
  })
}

test('a reopened link is downloaded only once its cached waveform is drawn, a new one at once', async ({
  page,
}) => {
  release()
  await openDrawn(page, 'call.ogg')
  // New to the cache: the lookup said so, and the app took the first script's download.
  await waitForFullWaveform(page, 'workers', 30_000)
  expect(await marks(page)).toContain('audio:download')
  expect(wholeReads).toBe(1)
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)

  await page.reload()
  await waitForFullWaveform(page, 'cache')
  await expect.poll(() => marks(page)).toContain('audio:download')
  const order = await marks(page)
  expect(order.indexOf('waveform:complete')).toBeLessThan(order.indexOf('audio:download'))
  expect(await decodeJobs(page)).toEqual([])
})

test('a link signed again is the same recording: drawn from the cache before any of its bytes come', async ({
  page,
}) => {
  const { port } = server.address() as AddressInfo
  const signed = (date: string, signature: string) =>
    `http://localhost:${port}/call.ogg?X-Amz-Date=${date}&X-Amz-Expires=3600&X-Amz-Signature=${signature}`
  release()
  await page.goto(`/?audio=${encodeURIComponent(signed('20261206T080000Z', 'aa11'))}`)
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)

  // A dashboard signs the link anew on the next visit; no read is answered meanwhile.
  released = new Promise<void>((resolve) => (release = resolve))
  allHeld = true
  answered = 0
  await page.goto(`/?audio=${encodeURIComponent(signed('20261206T091500Z', 'bb22'))}`)
  await waitForFullWaveform(page, 'cache')
  expect(answered).toBe(0)
  expect(await decodeJobs(page)).toEqual([])
  sliceReads = 0
  release()
  await expect.poll(() => sliceReads).toBeGreaterThanOrEqual(31)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(await decodeJobs(page)).toEqual([])
})

test('a recording link the page may not read plays from its link with a flat waveform, saying why', async ({
  page,
  replay,
}) => {
  const { port } = server.address() as AddressInfo
  corsRefused = true
  release()
  // Presigned, as a bucket's links usually are.
  const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, '')
  const link = `http://localhost:${port}/call.ogg?X-Amz-Date=${stamp}&X-Amz-Expires=3600&X-Amz-Signature=0f`
  await page.goto(`/?audio=${encodeURIComponent(link)}`)
  await expect(page.getByRole('alert')).toContainText(
    'call.ogg: no waveform: this page may not read the recording',
  )
  await expect(page.getByRole('status').filter({ hasText: 'No waveform' })).toBeVisible()
  // A copy the page may not read cannot be kept either: the notice says what to do instead.
  await expect(page.getByTestId('link-notice')).toContainText('download the file and open it here')
  await expect(page.getByRole('button', { name: 'Keep a copy' })).toHaveCount(0)
  await expect(
    page.getByText(/call\.ogg · 2 ch · 4[67]\d\.\d s · plays from its link/),
  ).toBeVisible()
  // Opened, it is not also reported as a download that failed.
  await expect(page.getByText('could not be loaded')).toHaveCount(0)
  expect(await decodeJobs(page)).toEqual([])
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => replay.seconds()).toBeGreaterThan(0.2)
})

test('a recording link that gives a sign-in page is named as a web page, not as audio that failed', async ({
  page,
}) => {
  const { port } = server.address() as AddressInfo
  const html = Buffer.from('<!DOCTYPE html><html><head><title>Sign in</title></head></html>')
  recordings.set('/shared.ogg', { bytes: html, type: 'text/html', firstBytes: html.length })
  release()
  await page.goto(`/?audio=${encodeURIComponent(`http://localhost:${port}/shared.ogg`)}`)
  await expect(page.getByRole('alert')).toContainText(
    'shared.ogg: a web page (HTML), not the file: the link may be a share or sign-in page',
  )
})

test('a reopened link found by its probe but not its key is decoded from its download after all', async ({
  page,
}) => {
  release()
  // The same size, header, first and last bytes as a cached recording, and silence in between:
  // a twin the cache finds by its probe, and its inner slices refute.
  const { bytes, type } = recordings.get('/call.wav')!
  recordings.set('/twin.wav', { bytes, type, firstBytes: bytes.length })
  await openDrawn(page, 'twin.wav')
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect.poll(() => cachedRecordings(page)).toBe(1)
  const twin = Buffer.from(bytes)
  twin.fill(0, Math.round(bytes.length * 0.4) & ~1, Math.round(bytes.length * 0.6) & ~1)
  recordings.set('/twin.wav', { bytes: twin, type, firstBytes: twin.length })

  await page.reload()
  await expect.poll(() => decodeJobs(page)).not.toEqual([])
  await waitForFullWaveform(page, 'workers', 30_000)
  expect(await marks(page)).toContain('peaks:cache-hit')
  await expect.poll(() => cachedRecordings(page)).toBe(2)
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Both are cached now, with one probe, and the link is the new one's (silent in its middle):
  // it is found by the link alone, with no read answered, and drawn at once.
  expect(await linkedEntries(page)).toEqual([
    { link: expect.stringMatching(/\/twin\.wav$/) as unknown, silentMiddle: true },
  ])
  await reloadDrawnWithNothingAnswered(page)
  release()
  await expect(page.getByText(/twin\.wav · 2 ch/)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a reopened link relative to the page is looked up where the page reads it', async ({
  page,
}) => {
  const { port } = server.address() as AddressInfo
  // Served at the page's own origin; a worker would resolve the bare path against its script's.
  await page.route(
    (url) => url.pathname === '/recordings/call.ogg',
    async (route) => {
      try {
        const response = await route.fetch({ url: `http://localhost:${port}/call.ogg` })
        await route.fulfill({ response })
      } catch {
        // The page went before a held-back download was let go.
      }
    },
  )
  release()
  await page.goto('/?audio=recordings/call.ogg')
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)

  // The route hands the page nothing of a download until all of it is in, which is held back:
  // only the lookup by the key's slices can draw the reopened recording.
  released = new Promise<void>((resolve) => (release = resolve))
  sliceReads = 0
  await page.reload()
  await waitForFullWaveform(page, 'cache')
  await expect.poll(() => sliceReads).toBe(31)
  expect(await decodeJobs(page)).toEqual([])
  release()
})

/**
 * Opens the recording from a link signed `minutesAgo` for an hour, as S3 signs one, until it is
 * cached, and reopens it with its download held back: drawn from the cache, it plays from its
 * link. A download plays from the page's copy once it is in, so only the reopen has a notice.
 */
async function reopenSignedLink(page: Page, minutesAgo: number) {
  const { port } = server.address() as AddressInfo
  const signedAt = new Date(Date.now() - minutesAgo * 60_000)
  const stamp = signedAt.toISOString().replace(/[-:]|\.\d+/g, '')
  const link = `http://localhost:${port}/call.ogg?X-Amz-Date=${stamp}&X-Amz-Expires=3600&X-Amz-Signature=0f`
  release()
  await page.goto(`/?audio=${encodeURIComponent(link)}`)
  await waitForFullWaveform(page, 'workers', 30_000)
  await expect.poll(() => cachedRecordings(page)).toBeGreaterThan(0)
  await expect(page.getByTestId('link-notice')).toHaveCount(0)
  released = new Promise<void>((resolve) => (release = resolve))
  await page.reload()
  await waitForFullWaveform(page, 'cache')
}

test('a recording playing from a signed link says when it expires, and a copy kept in the page plays on after it has', async ({
  page,
  replay,
}) => {
  // Signed 50 minutes ago for an hour: it expires in 10 minutes.
  await reopenSignedLink(page, 50)
  const notice = page.getByTestId('link-notice')
  await expect(notice).toContainText(/call\.ogg plays from its link, which expires in (9|10) min/)
  await expect(notice).toHaveClass(/warn/)
  await notice.getByRole('button', { name: 'Keep a copy' }).click()
  await expect(notice).toContainText('Keeping a copy')
  // Cancelled, it can be asked for again.
  await notice.getByRole('button', { name: 'Cancel' }).click()
  await notice.getByRole('button', { name: 'Keep a copy' }).click()
  await expect(notice).toContainText('Keeping a copy')
  // The copy's whole-file read is held back like any download, until now.
  release()
  await expect(notice).toHaveCount(0)
  await expect(page.getByText(/call\.ogg · 2 ch · 4[67]\d\.\d s$/)).toBeVisible()

  // The link no longer answers; the recording seeks and plays on from the page's copy.
  linksExpired = true
  const overview = page.getByTestId('overview')
  const box = (await overview.boundingBox())!
  await overview.click({ position: { x: box.width * 0.8, y: box.height / 2 } })
  await page.getByRole('button', { name: 'Play' }).click()
  const from = await replay.seconds()
  expect(from).toBeGreaterThan(300)
  await expect.poll(() => replay.seconds()).toBeGreaterThan(from + 0.3)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a recording whose link stops answering while it plays from it says so, and stays loaded', async ({
  page,
  replay,
}) => {
  await reopenSignedLink(page, 61)
  await expect(page.getByTestId('link-notice')).toContainText(
    /expired 1 min ago .+Seeking may fail: reload the page with a fresh link/,
  )

  linksExpired = true
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByRole('alert')).toContainText(
    /call\.ogg: the recording stopped playing \(.+\): its link expired at/,
  )
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  // The call is still there, drawn from the cache.
  await expect(page.getByTestId('peaks-status')).toHaveAttribute('data-complete', 'true')
  expect(await replay.seconds()).toBeLessThan(1)
  release()
})
