import { afterEach, expect, it, vi } from 'vitest'
import { contentKey, probeKey } from './content-key'
import { rangedKeys, readRange } from './linked-keys'

const SIZE = 3_000_000
const file = new Uint8Array(SIZE).map((_, i) => (i * 31 + (i >> 11)) % 256)

/** A server of `file` that answers range requests, or only whole reads. */
function serve(ranges: boolean) {
  const asked: string[] = []
  vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? ''
    asked.push(range)
    const m = /^bytes=(\d+)-(\d+)$/.exec(range)
    if (!ranges || !m) return Promise.resolve(new Response(file, { status: 200 }))
    const [start, end] = [Number(m[1]), Number(m[2])]
    const headers = { 'content-range': `bytes ${start}-${end}/${SIZE}` }
    return Promise.resolve(new Response(file.slice(start, end + 1), { status: 206, headers }))
  })
  return asked
}

afterEach(() => void vi.unstubAllGlobals())

it('reads the key’s slices in ranges, save those in hand, and makes the whole file’s keys', async () => {
  const asked = serve(true)
  const inHand = [
    { at: 0, bytes: file.slice(0, 40_000) },
    { at: SIZE - 128_000, bytes: file.slice(SIZE - 128_000) },
  ]
  const keys = await rangedKeys('x.wav', SIZE, inHand, new AbortController().signal)
  const whole = new Blob([file])
  expect(keys).toEqual({
    key: await contentKey(whole),
    probe: await probeKey(SIZE, (s) => whole.slice(s.start, s.end)),
  })
  // 32 slices: the first and the last were in hand.
  expect(asked).toHaveLength(30)
})

it('gives no keys from a server without range requests', async () => {
  serve(false)
  expect(await rangedKeys('x.wav', SIZE, [], new AbortController().signal)).toBeUndefined()
})

it('gives up a ranged read the server does not answer', async () => {
  vi.stubGlobal(
    'fetch',
    (_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      ),
  )
  const signal = new AbortController().signal
  expect(await readRange('x.wav', 0, 10, SIZE, signal, 30)).toBeUndefined()
})
