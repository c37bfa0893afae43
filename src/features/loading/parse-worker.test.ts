import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { fixtureText } from '../../domain/test-fixtures'
import { TEXT_LIMITS } from './fetch-source'
import type { ParseReply, ParseRequest } from './parse.worker'

/**
 * The parse worker's side of a linked file (`parseLinkOffThread`): downloaded at once, parsed
 * once released when held, its failures named by the link. Run here with a stand-in `self`.
 */
const replies: ParseReply[] = []
const fetched: string[] = []
let deliver: (message: unknown) => void = () => {}

beforeAll(async () => {
  const self: { postMessage: (reply: ParseReply) => void; onmessage?: (e: unknown) => void } = {
    postMessage: (reply) => void replies.push(reply),
  }
  vi.stubGlobal('self', self)
  vi.stubGlobal('fetch', (url: URL | string) => {
    fetched.push(String(url))
    if (String(url).endsWith('/calls/missing.json'))
      return Promise.resolve(new Response('not here', { status: 404, statusText: 'Not Found' }))
    const body = new TextEncoder().encode(fixtureText('session-report.json'))
    const headers = { 'content-type': 'application/json', 'content-length': `${body.length}` }
    return Promise.resolve(new Response(body, { headers }))
  })
  await import('./parse.worker')
  deliver = (data) => self.onmessage?.({ data })
})

afterAll(() => void vi.unstubAllGlobals())

const link = (id: number, url: string, held: boolean): ParseRequest => ({
  id,
  name: url.split('/').pop()!,
  expected: 'history',
  link: url,
  base: 'https://example.test/review/',
  limits: TEXT_LIMITS,
  held,
})

const repliesTo = (id: number) => replies.filter((reply) => reply.id === id)
const parsed = (id: number) => repliesTo(id).some((reply) => 'ok' in reply)

const downloaded = (id: number) =>
  repliesTo(id).some((reply) => 'loaded' in reply && reply.loaded === reply.total)

test('a link not held is parsed as soon as it is in, a held one only once released, unless cancelled', async () => {
  deliver(link(0, 'calls/report.json', false))
  // The first parse loads zod and the parsers.
  await vi.waitFor(() => expect(parsed(0)).toBe(true), { timeout: 10_000 })

  // The parsers are loaded now: a held link would be parsed within a few ms of its download.
  deliver(link(1, 'calls/report.json', true))
  deliver(link(2, 'calls/report.json', true))
  await vi.waitFor(() => expect(downloaded(1) && downloaded(2)).toBe(true))
  expect(fetched).toEqual(Array(3).fill('https://example.test/review/calls/report.json'))
  deliver({ cancel: 2 })
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(parsed(1)).toBe(false)

  deliver({ release: true })
  await vi.waitFor(() => expect(parsed(1)).toBe(true))
  expect(repliesTo(2).at(-1)).toEqual({
    id: 2,
    failed: 'calls/report.json: cancelled',
    cancelled: true,
  })
  expect(parsed(2)).toBe(false)
  const result = repliesTo(1).find((reply) => 'ok' in reply)
  expect(result).toMatchObject({ ok: true, result: { ok: true, value: { kind: 'history' } } })
})

test('a download’s failure is named by the link as the page gave it', async () => {
  deliver(link(3, 'calls/missing.json', false))
  await vi.waitFor(() => expect(repliesTo(3).some((reply) => 'failed' in reply)).toBe(true))
  expect(repliesTo(3).find((reply) => 'failed' in reply)).toEqual({
    id: 3,
    failed: 'calls/missing.json: HTTP 404 Not Found',
    cancelled: false,
  })
})
