import { beforeEach, expect, it, vi } from 'vitest'
import { useCallStore } from '../../store/call-store'
import { reportPlaybackError } from './playback-errors'

const messages = () => useCallStore.getState().audioProblems.map((p) => `${p.file}: ${p.message}`)

beforeEach(() => {
  vi.useRealTimers()
  useCallStore.setState({ audioProblems: [] })
})

it('says a copy in the page cannot be played, in words for a bare media error code', () => {
  useCallStore.setState({ inputs: { audio: { name: 'call.m4a', url: 'blob:x' } } })
  reportPlaybackError(new Error('Media error 3'))
  expect(messages()).toEqual([
    'call.m4a: the browser cannot play this recording (the audio could not be decoded); its waveform and transcript stay usable',
  ])
})

it('says a signed link has expired, and when; an unsigned one may have; each once', () => {
  vi.useFakeTimers({ now: new Date('2026-12-04T12:00:00Z') })
  const signed = 'https://b.example/call.ogg?X-Amz-Date=20261204T100000Z&X-Amz-Expires=3600'
  useCallStore.setState({ inputs: { audio: { name: 'call.ogg', url: signed } } })
  reportPlaybackError(new Error('Media error 4'))
  reportPlaybackError(new Error('Media error 4'))
  expect(messages()).toHaveLength(1)
  expect(messages()[0]).toMatch(
    /^call\.ogg: the recording stopped playing \(the source could not be read\): its link expired at .+\. Reload the page with a fresh link, or open the file itself$/,
  )
  useCallStore.setState({ audioProblems: [] })
  useCallStore.setState({
    inputs: { audio: { name: 'call.ogg', url: 'https://b.example/call.ogg' } },
  })
  reportPlaybackError(new Error('PIPELINE_ERROR_NETWORK'))
  expect(messages()).toEqual([
    'call.ogg: the recording stopped playing (PIPELINE_ERROR_NETWORK): its link may have expired, or its server no longer answers. Reload the page with a fresh link, or open the file itself',
  ])
})

it('says nothing when no recording is open', () => {
  useCallStore.setState({ inputs: {} })
  reportPlaybackError(new Error('Media error 2'))
  expect(messages()).toEqual([])
})
