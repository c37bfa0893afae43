import { beforeEach, expect, test, vi } from 'vitest'
import { useCallStore } from '../../store/call-store'
import { EmptyRecordingError } from './decode-ogg'
import { openAudio } from './open-audio'

const decodePeaks = vi.hoisted(() => vi.fn())
const startPeaks = vi.hoisted(() => (_file: Blob, signal: AbortSignal) => {
  const first = decodePeaks(_file, signal) as Promise<unknown>
  return { first, done: first }
})
vi.mock('./decode-peaks', () => ({ startPeaks }))

const decoded = (duration: number) => ({ peaks: [new Float32Array(1)], duration, channels: 2 })
const input = (name: string) => ({ name, data: new Blob([new Uint8Array(8)]) })

beforeEach(() => {
  decodePeaks.mockReset()
  useCallStore.setState({ audioProblems: [], decoding: undefined })
})

test('a slow decode that finishes after a newer one is dropped', async () => {
  let finishSlow: (value: unknown) => void = () => {}
  decodePeaks.mockImplementationOnce(() => new Promise((resolve) => (finishSlow = resolve)))
  decodePeaks.mockImplementationOnce(() => Promise.resolve(decoded(2)))
  const slow = openAudio(input('a.ogg'))
  const fast = await openAudio(input('b.ogg'))
  finishSlow(decoded(1))
  expect(await slow).toBeUndefined()
  expect(fast?.name).toBe('b.ogg')
  const firstSignal = decodePeaks.mock.calls[0]?.[1] as AbortSignal | undefined
  expect(firstSignal?.aborted).toBe(true)
  expect(useCallStore.getState().decoding).toBeUndefined()
})

test('each recording replaces the problems of the previous one', async () => {
  decodePeaks.mockRejectedValueOnce(new Error('EncodingError'))
  expect(await openAudio(input('bad.ogg'))).toBeUndefined()
  expect(useCallStore.getState().audioProblems.map((p) => p.message)).toEqual([
    'the browser cannot decode this audio (EncodingError)',
  ])
  decodePeaks.mockResolvedValueOnce(decoded(3))
  expect((await openAudio(input('good.ogg')))?.duration).toBe(3)
  expect(useCallStore.getState().audioProblems).toEqual([])
})

test('an empty recording is refused in plain words, without asking the media element', async () => {
  decodePeaks.mockRejectedValueOnce(new EmptyRecordingError())
  expect(await openAudio(input('header-only.ogg'))).toBeUndefined()
  expect(useCallStore.getState().audioProblems).toMatchObject([
    {
      severity: 'error',
      message:
        'the recording is empty: it has Ogg Opus headers but no audio, so there is nothing to play',
    },
  ])
})
