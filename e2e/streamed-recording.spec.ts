import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * A linked recording is drawn from its first bytes while the rest downloads. The recording is
 * served from a server of the test's own that answers ranged reads at once but holds back the
 * body of a whole-file read after its first bytes until the test lets it go: the waveform has to
 * be drawn while the download is still waiting.
 */
const FIRST_BYTES = 256 * 1024
const demoAudio = new URL('../public/demo/audio.ogg', import.meta.url).pathname
const dir = join(tmpdir(), `turnline-e2e-streamed-${process.pid}`)
let recording: Buffer
let server: Server
let release: () => void = () => {}
let released = new Promise<void>((resolve) => (release = resolve))
let wholeReads = 0

test.beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'call.ogg')
  // Seven times the demo call: about 8 minutes and 2 MB, over the size read whole before decoding.
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-stream_loop', '6', '-i', demoAudio],
    ...['-c:a', 'libopus', '-b:a', '32k', file],
  ])
  recording = readFileSync(file)
  server = createServer((request, response) => void serve(request, response))
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
})

test.afterAll(() => {
  release()
  server.close()
})

async function serve(request: IncomingMessage, response: ServerResponse) {
  response.setHeader('Access-Control-Allow-Origin', '*')
  response.setHeader('Access-Control-Allow-Headers', 'Range')
  response.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length')
  response.setHeader('Accept-Ranges', 'bytes')
  response.setHeader('Content-Type', 'audio/ogg')
  if (request.method === 'OPTIONS') return response.writeHead(204).end()
  const size = recording.length
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '')
  if (range) {
    const start = Number(range[1])
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    response.writeHead(206, {
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': String(end - start + 1),
    })
    // A media element's read of the whole file is held back like the download.
    if (start === 0 && end - start + 1 > FIRST_BYTES) return holdBack(response, start, end + 1)
    return response.end(recording.subarray(start, end + 1))
  }
  wholeReads += 1
  response.writeHead(200, { 'Content-Length': String(size) })
  await holdBack(response, 0, size)
}

async function holdBack(response: ServerResponse, start: number, end: number) {
  response.write(recording.subarray(start, start + FIRST_BYTES))
  await released
  response.end(recording.subarray(start + FIRST_BYTES, end))
}

const marks = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name))

type Job = { kind: string; emitFrom?: number; emitTo?: number }
const decodeJobs = (page: Page) =>
  page.evaluate(
    () => (window as { __turnline?: { decodeJobs: Job[] } }).__turnline?.decodeJobs ?? [],
  )

test('a linked recording draws its opening seconds before its download is complete', async ({
  page,
  replay,
}) => {
  released = new Promise<void>((resolve) => (release = resolve))
  // The media elements that played, to see where from.
  await page.addInitScript(() => {
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
  const source = await page.evaluate(
    () => (window as { played?: HTMLMediaElement[] }).played?.at(-1)?.src ?? '',
  )
  expect(source.startsWith('blob:')).toBe(true)
})
