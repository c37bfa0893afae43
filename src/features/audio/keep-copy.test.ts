import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { LoadedAudio } from '../../store/call-store'
import { useCallStore } from '../../store/call-store'
import { cancelKeepCopy, keepCopy, useKeptCopy } from './keep-copy'

const LINK = 'https://bucket.example/call.ogg?X-Amz-Date=20261204T101500Z&X-Amz-Expires=3600'
const audio: LoadedAudio = { name: 'call.ogg', url: LINK, duration: 1, channels: 2 }

/** A server that answers each request with the next status, the file's bytes on a 200. */
function serve(...statuses: number[]) {
  const asked: string[] = []
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url)
    const status = statuses.shift() ?? 200
    return Promise.resolve(new Response(status === 200 ? new Uint8Array(1000) : null, { status }))
  })
  return asked
}

beforeEach(() => {
  vi.stubGlobal('window', { location: { search: '' } })
  useCallStore.setState({ inputs: { audio } })
  useKeptCopy.setState({ link: undefined, loaded: undefined, total: undefined, error: undefined })
})
afterEach(() => void vi.unstubAllGlobals())

it('plays the recording from a copy in the page once its link has been read whole', async () => {
  const asked = serve(200)
  await keepCopy(audio)
  expect(asked).toEqual([LINK])
  const kept = useCallStore.getState().inputs.audio
  expect(kept?.url).toMatch(/^blob:/)
  expect(kept).toMatchObject({ name: 'call.ogg', duration: 1, channels: 2 })
  expect(useKeptCopy.getState()).toMatchObject({ link: undefined, loaded: 1000 })
})

it('says why a copy could not be kept, keeps playing from the link, and tries again when asked', async () => {
  serve(403, 200)
  await keepCopy(audio)
  expect(useKeptCopy.getState().error).toMatch(/HTTP 403/)
  expect(useCallStore.getState().inputs.audio?.url).toBe(LINK)
  await keepCopy(audio)
  expect(useCallStore.getState().inputs.audio?.url).toMatch(/^blob:/)
})

it('leaves another recording opened meanwhile as it is', async () => {
  serve(200)
  const copying = keepCopy(audio)
  const other: LoadedAudio = { name: 'other.ogg', url: 'blob:other' }
  useCallStore.setState({ inputs: { audio: other } })
  await copying
  expect(useCallStore.getState().inputs.audio).toBe(other)
})

it('stops when cancelled, says nothing, and plays on from the link', async () => {
  vi.stubGlobal(
    'fetch',
    (_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
      ),
  )
  const copying = keepCopy(audio)
  expect(useKeptCopy.getState().link).toBe(LINK)
  cancelKeepCopy()
  await copying
  expect(useKeptCopy.getState()).toMatchObject({ link: undefined, error: undefined })
  expect(useCallStore.getState().inputs.audio?.url).toBe(LINK)
})
