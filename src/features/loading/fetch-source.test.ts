import { afterEach, expect, it, vi } from 'vitest'
import { AUDIO_LIMITS, everyFewChunks, fetchBlob, FetchUnanswered } from './fetch-source'
import { ReceivedBytes } from './received-bytes'

afterEach(() => void vi.unstubAllGlobals())

it('ends a recording’s download, without an error, once nothing more is wanted of it', async () => {
  let pulled = 0
  let cancelled = false
  const endless = new ReadableStream<Uint8Array>({
    pull: (controller) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          pulled += 1
          if (!cancelled) controller.enqueue(new Uint8Array(1000).fill(7))
          resolve()
        }, 1),
      ),
    cancel: () => {
      cancelled = true
    },
  })
  vi.stubGlobal('fetch', () =>
    Promise.resolve(new Response(endless, { headers: { 'content-length': '100000000' } })),
  )
  const into = new ReceivedBytes('x.ogg')
  const download = fetchBlob('x.ogg', { limits: AUDIO_LIMITS, into })
  await into.upTo(5000)
  into.drop()
  const { data } = await download
  expect(data.size).toBe(0)
  expect(await into.whole).toBeUndefined()
  expect(cancelled).toBe(true)
  const after = pulled
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(pulled - after).toBeLessThanOrEqual(1)
})

it('tells a request that got no answer (the network, or no CORS) from one that broke off', async () => {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
  const unanswered = fetchBlob('https://bucket.example/a.ogg', { limits: AUDIO_LIMITS })
  await expect(unanswered).rejects.toBeInstanceOf(FetchUnanswered)
  await expect(unanswered).rejects.toThrow(/Failed to fetch\): .*\(CORS\)/)

  const broken = new ReadableStream<Uint8Array>({
    start: (controller) => {
      controller.enqueue(new Uint8Array(10))
      controller.error(new TypeError('network error'))
    },
  })
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(broken)))
  const brokeOff = fetchBlob('https://bucket.example/a.ogg', { limits: AUDIO_LIMITS })
  await expect(brokeOff).rejects.toThrow('could not be fetched (network error)')
  await expect(brokeOff).rejects.not.toBeInstanceOf(FetchUnanswered)
})

it('reports a download’s progress once per 256 KB at most, and its last byte', () => {
  const reported: number[] = []
  const progress = everyFewChunks((loaded) => void reported.push(loaded))
  const KB = 1024
  for (const loaded of [16, 100, 272, 300, 530, 600]) progress(loaded * KB, 610 * KB)
  progress(610 * KB, 610 * KB)
  expect(reported).toEqual([16, 272, 530, 610].map((kb) => kb * KB))
})
