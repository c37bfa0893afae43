import { afterEach, expect, it, vi } from 'vitest'
import { rangedWav } from './decode-wav'

afterEach(() => void vi.unstubAllGlobals())

it('reads a linked file’s ranges from its link into buffers the workers give back', async () => {
  const size = 3000
  const file = new Uint8Array(size).map((_, i) => i % 253)
  const asked: string[] = []
  vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? ''
    asked.push(range)
    const [start, end] = /^bytes=(\d+)-(\d+)$/.exec(range)!.slice(1).map(Number) as [number, number]
    const headers = { 'content-range': `bytes ${start}-${end}/${size}` }
    return Promise.resolve(new Response(file.slice(start, end + 1), { status: 206, headers }))
  })
  const source = rangedWav('big.wav', size, new AbortController().signal)
  const first = await source.bytes(100, 700)
  if (!first || !('copy' in first)) throw new Error('no copy')
  expect([...new Uint8Array(first.copy, 0, 600)]).toEqual([...file.subarray(100, 700)])
  source.spent?.(first.copy)
  // The buffer given back takes the next range (the read hands it over: it comes back as
  // another ArrayBuffer of the same memory); one too small is not used.
  const second = await source.bytes(700, 1200)
  if (!second || !('copy' in second)) throw new Error('no copy')
  expect(second.copy.byteLength).toBe(600)
  expect([...new Uint8Array(second.copy, 0, 500)]).toEqual([...file.subarray(700, 1200)])
  source.spent?.(second.copy)
  const third = await source.bytes(1200, 2900)
  if (!third || !('copy' in third)) throw new Error('no copy')
  expect(third.copy.byteLength).toBe(1700)
  expect([...new Uint8Array(third.copy)]).toEqual([...file.subarray(1200, 2900)])
  expect(asked).toEqual(['bytes=100-699', 'bytes=700-1199', 'bytes=1200-2899'])
})

it('gives no bytes from a server that does not answer the range asked for', async () => {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(new Uint8Array(3000), { status: 200 })))
  const source = rangedWav('big.wav', 3000, new AbortController().signal)
  expect(await source.bytes(100, 700)).toBeUndefined()
})
