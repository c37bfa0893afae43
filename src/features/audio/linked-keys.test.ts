import { afterEach, describe, expect, it, vi } from 'vitest'
import { contentKey, probeKey } from './content-key'
import { keySpans } from '../../domain/audio/content-key'
import type { CachedPeaks } from './peaks-cache'
import { cachedByRanges, keysOf, readRange, readSlices } from './linked-keys'

const SIZE = 3_000_000
const file = new Uint8Array(SIZE).map((_, i) => (i * 31 + (i >> 11)) % 256)

/**
 * A server of `file` that answers range requests, suffix ranges too (or, as some small servers
 * do, reads `bytes=-N` as from the start), or only whole reads. Aborted reads reject, as
 * `fetch`'s do.
 */
function serve(ranges: boolean, suffixes: 'answered' | 'from the start' = 'answered') {
  const asked: string[] = []
  vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? ''
    asked.push(range)
    const m = /^bytes=(\d*)-(\d+)$/.exec(range)
    if (!ranges || !m) return Promise.resolve(new Response(file, { status: 200 }))
    const suffix = m[1] === ''
    const [start, end] = !suffix
      ? [Number(m[1]), Number(m[2])]
      : suffixes === 'answered'
        ? [SIZE - Number(m[2]), SIZE - 1]
        : [0, Number(m[2])]
    if (init?.signal?.aborted) return Promise.reject(new Error('aborted'))
    const headers = { 'content-range': `bytes ${start}-${end}/${SIZE}` }
    return Promise.resolve(new Response(file.slice(start, end + 1), { status: 206, headers }))
  })
  return asked
}

afterEach(() => void vi.unstubAllGlobals())

const signal = () => new AbortController().signal

it('reads the key’s slices between its first and last in ranges, which with those make the whole file’s keys', async () => {
  const asked = serve(true)
  const inner = await readSlices('x.wav', SIZE, keySpans(SIZE).slice(1, -1), signal())
  // 32 slices: the first and the last come with the download's first chunk and its tail.
  expect(asked).toHaveLength(30)
  const inHand = [
    { at: 0, bytes: file.slice(0, 40_000) },
    { at: SIZE - 128_000, bytes: file.slice(SIZE - 128_000) },
  ]
  const whole = new Blob([file])
  expect(await keysOf(SIZE, [...inHand, ...inner!])).toEqual({
    key: await contentKey(whole),
    probe: await probeKey(SIZE, (s) => whole.slice(s.start, s.end)),
    size: SIZE,
  })
})

it('gives no slices from a server without range requests', async () => {
  serve(false)
  expect(await readSlices('x.wav', SIZE, keySpans(SIZE), signal())).toBeUndefined()
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

describe('a link looked up in the cache from its link alone', () => {
  const peaks: CachedPeaks = { duration: 1, channels: 1, peaks: [new Float32Array(4)] }
  /** A cache with these entries, each with the peaks above; the keys whose peaks were read. */
  function cache(...entries: { key: string; size?: number; probe?: string; link?: string }[]) {
    const read: string[] = []
    return {
      read,
      reader: {
        entries: () => Promise.resolve(entries),
        peaks: (key: string) => (read.push(key), Promise.resolve(peaks)),
      },
    }
  }

  const whole = new Blob([file])
  const probe = () => probeKey(SIZE, (s) => whole.slice(s.start, s.end))

  it('is found by its first and last slices, and confirmed by its inner ones once asked', async () => {
    const asked = serve(true)
    const key = await contentKey(whole)
    const { reader } = cache({ key, size: SIZE, probe: await probe() })
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys).toEqual({ key, probe: await probe(), size: SIZE })
    expect(found?.cached).toBe(peaks)
    // The last slice by a suffix range and the first, side by side, and nothing more yet.
    expect(asked).toEqual([`bytes=-${32 << 10}`, `bytes=0-${(32 << 10) - 1}`])
    expect(await found?.confirm()).toBe(true)
    expect(asked).toHaveLength(32)
  })

  it('is refuted when an entry of its size and probe has another key', async () => {
    serve(true)
    const { reader } = cache({
      key: 'the same ends, other inner bytes',
      size: SIZE,
      probe: await probe(),
    })
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys.key).toBe('the same ends, other inner bytes')
    expect(await found?.confirm()).toBe(false)
  })

  it('is not found when no entry of its size has its probe, after two reads', async () => {
    const asked = serve(true)
    const { reader, read } = cache({ key: 'a', size: SIZE, probe: 'another probe' })
    expect(await cachedByRanges('x.wav', reader, signal())).toBeUndefined()
    expect(asked).toHaveLength(2)
    // Read while the last slice came in: the probe was not known yet.
    expect(read).toEqual(['a'])
  })

  it('is found by its key when several entries have its probe', async () => {
    serve(true)
    const key = await contentKey(whole)
    const { reader, read } = cache(
      { key: 'the same ends', size: SIZE, probe: await probe() },
      { key, size: SIZE, probe: await probe() },
    )
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys.key).toBe(key)
    expect(await found?.confirm()).toBe(true)
    expect(read).toEqual(['the same ends', key])
  })

  it('is found when an entry stored without a probe has its size and its key', async () => {
    const asked = serve(true)
    const key = await contentKey(whole)
    const { reader, read } = cache({ key: 'other', size: SIZE - 1 }, { key, size: SIZE })
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys.key).toBe(key)
    expect(found?.cached).toBe(peaks)
    expect(await found?.confirm()).toBe(true)
    // The first slice tells the size; with the last and 30 more it makes the key; only that
    // entry's peaks are read.
    expect(asked).toHaveLength(32)
    expect(read).toEqual([key])
  })

  it('is found by the last slice’s position from a server that takes a suffix for a start', async () => {
    const asked = serve(true, 'from the start')
    const key = await contentKey(whole)
    const { reader } = cache({ key, size: SIZE, probe: await probe() })
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys.key).toBe(key)
    expect(await found?.confirm()).toBe(true)
    // Asked for before the inner slices, which would hold it up.
    expect(asked[2]).toBe(`bytes=${SIZE - (32 << 10)}-${SIZE - 1}`)
    expect(asked).toHaveLength(33)
  })

  it('reads only its first and last slices when no entry has its size', async () => {
    const asked = serve(true)
    const { reader, read } = cache({ key: 'a', size: SIZE + 1 }, { key: 'b' })
    expect(await cachedByRanges('x.wav', reader, signal())).toBeUndefined()
    expect(asked).toHaveLength(2)
    expect(read).toEqual([])
  })

  it('is not found when the entry of its size has another key', async () => {
    serve(true)
    const { reader } = cache({ key: 'a recording of the same size', size: SIZE })
    expect(await cachedByRanges('x.wav', reader, signal())).toBeUndefined()
  })

  it('is not found on a server without range requests', async () => {
    serve(false)
    const { reader } = cache({ key: await contentKey(new Blob([file])), size: SIZE })
    expect(await cachedByRanges('x.wav', reader, signal())).toBeUndefined()
  })

  it('is found by the link it was last downloaded from before any read, and confirmed by every slice', async () => {
    const asked = serve(true)
    const key = await contentKey(whole)
    const { reader, read } = cache(
      { key: 'another link', size: SIZE, probe: await probe(), link: 'y.wav' },
      { key, size: SIZE, probe: await probe(), link: 'x.wav' },
    )
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys).toEqual({ key, probe: await probe(), size: SIZE })
    expect(asked).toEqual([])
    expect(read).toEqual([key])
    expect(await found?.confirm()).toBe(true)
    expect(asked).toHaveLength(32)
  })

  it('is found by its link signed again, before any read, and confirmed from the new link', async () => {
    const asked = serve(true)
    const key = await contentKey(whole)
    const signed = (signature: string) =>
      `https://b.s3.amazonaws.com/x.wav?X-Amz-Date=20261206T0${signature}Z&X-Amz-Signature=${signature}`
    const { reader } = cache({ key, size: SIZE, probe: await probe(), link: signed('80000') })
    const found = await cachedByRanges(signed('91500'), reader, signal())
    expect(found?.keys.key).toBe(key)
    expect(asked).toEqual([])
    expect(await found?.confirm()).toBe(true)
  })

  it('says at once, before any read, when no entry was downloaded from the link', async () => {
    const asked = serve(true)
    const told: string[][] = []
    const key = await contentKey(whole)
    const { reader } = cache({ key, size: SIZE, probe: await probe(), link: 'y.wav' })
    const unknown = () => told.push([...asked])
    expect(
      await cachedByRanges('x.wav', { ...reader, linkUnknown: unknown }, signal()),
    ).toBeDefined()
    expect(told).toEqual([[]])
    await cachedByRanges('y.wav', { ...reader, linkUnknown: unknown }, signal())
    expect(told).toHaveLength(1)
  })

  it('is refuted when the file at its link is no longer the one cached', async () => {
    serve(true)
    const { reader } = cache({ key: 'what the link held', size: SIZE, probe: 'p', link: 'x.wav' })
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys.key).toBe('what the link held')
    expect(await found?.confirm()).toBe(false)
  })

  it('is looked up by its slices when two entries were downloaded from its link', async () => {
    const asked = serve(true)
    const key = await contentKey(whole)
    const { reader } = cache(
      { key: 'what the link held before', size: SIZE, probe: 'p', link: 'x.wav' },
      { key, size: SIZE, probe: await probe(), link: 'x.wav' },
    )
    const found = await cachedByRanges('x.wav', reader, signal())
    expect(found?.keys.key).toBe(key)
    expect(asked.slice(0, 2)).toEqual([`bytes=-${32 << 10}`, `bytes=0-${(32 << 10) - 1}`])
  })
})
