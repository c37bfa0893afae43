import { once } from 'node:events'
import type { Server } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures'

/** A hostile origin: an endless audio stream, a trickling history, a lying content-length. */
let server: Server
let origin = ''
const open = new Set<NodeJS.Timeout>()
/** Requests of each `/breaks.json?…` link, so that each test's link breaks once. */
const breaksAsked = new Map<string, number>()

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const cors = { 'access-control-allow-origin': '*' }
    if (request.url === '/endless.ogg') {
      response.writeHead(200, { ...cors, 'content-type': 'audio/ogg' })
      const chunk = Buffer.alloc(64 * 1024, 1)
      const timer = setInterval(() => response.write(chunk), 5)
      open.add(timer)
      request.on('close', () => clearInterval(timer))
      return
    }
    if (request.url === '/trickle.json') {
      response.writeHead(200, { ...cors, 'content-type': 'application/json' })
      response.write('{"items": [')
      const timer = setInterval(() => response.write(' '), 200)
      open.add(timer)
      request.on('close', () => clearInterval(timer))
      return
    }
    if (request.url === '/huge-length.ogg') {
      response.writeHead(200, {
        ...cors,
        'content-type': 'audio/ogg',
        'content-length': '99999999999',
      })
      response.write(Buffer.alloc(1024, 1))
      return
    }
    if (request.url?.startsWith('/breaks.json?')) {
      // The first download breaks after 2 MB; the retry waits 1 s, sends 600 KB, and waits on.
      const asked = (breaksAsked.get(request.url) ?? 0) + 1
      breaksAsked.set(request.url, asked)
      response.writeHead(200, { ...cors, 'content-type': 'application/json' })
      const body = `{"items": [${' '.repeat(asked === 1 ? 2 * 1024 * 1024 : 600 * 1024)}`
      const timer = setTimeout(
        () => {
          response.write(body)
          if (asked === 1) setTimeout(() => response.destroy(), 100)
        },
        asked === 1 ? 0 : 1000,
      )
      open.add(timer)
      return
    }
    response.writeHead(404, cors).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(() => {
  for (const timer of open) clearInterval(timer)
  server.closeAllConnections()
  server.close()
})

test.describe('linked files that never end', () => {
  test('an endless audio stream stops at the size cap, with a message', async ({ page }) => {
    await page.goto(`/?audio=${origin}/endless.ogg&history=demo/history.json&max_mb=3`)
    const status = page.locator('.load-status')
    await expect(status).toContainText('stopped at 3.0 MB, the size limit')
    await expect(status.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(page.getByText('history.json · python history')).toBeVisible()
  })

  test('a trickling history times out', async ({ page }) => {
    await page.goto(`/?history=${origin}/trickle.json&timeout_s=2`)
    await expect(page.locator('.load-status')).toContainText('trickle.json: timed out after 2 s')
  })

  test('a download can be cancelled, showing the bytes received meanwhile', async ({ page }) => {
    await page.goto(`/?audio=${origin}/endless.ogg&history=demo/history.json`)
    const status = page.locator('.load-status')
    await expect(status).toContainText(/\d+\.\d MB received/)
    // The history's line may still be loading too, with a Cancel of its own.
    const audio = status
      .getByRole('listitem')
      .filter({ has: page.locator('strong', { hasText: /^audio$/ }) })
    await audio.getByRole('button', { name: 'Cancel' }).click()
    await expect(status).toContainText('endless.ogg: cancelled')
  })

  test('a content-length over the cap is refused at once', async ({ page }) => {
    await page.goto(`/?audio=${origin}/huge-length.ogg&history=demo/history.json`)
    await expect(page.locator('.load-status')).toContainText('is over the 1024.0 MB limit')
  })
})

test('a retried download shows its own progress, not the failed one’s', async ({ page }) => {
  await page.goto(`/?history=${origin}/breaks.json?${Date.now()}`)
  const status = page.locator('.load-status')
  await expect(status.getByRole('alert')).toContainText('history could not be loaded')
  await status.getByRole('button', { name: 'Retry' }).click()
  // Nothing in yet: no figure at all, not the failed attempt's 2 MB.
  await expect(status).toContainText('history loading…')
  await expect(status).toContainText(/loading \d+ KB received/)
})
