import { readFileSync } from 'node:fs'
import { afterEach, expect, it, vi } from 'vitest'
import { downloading, serve } from './streamed-start.fixture'
import { streamedWebm } from './streamed-webm'

// ffmpeg's WebM of a 3 s tone in Opus: its cues, the last 76 bytes, start at 14751.
const tone = new Uint8Array(readFileSync(new URL('./__fixtures__/tone-3s.webm', import.meta.url)))

afterEach(() => void vi.unstubAllGlobals())

const signal = new AbortController().signal

it('reads cues beyond the tail in hand with one ranged read to the file’s end', async () => {
  const asked = serve(tone)
  const { growing, begun } = downloading(tone, 40)
  expect(await streamedWebm(growing, begun, signal)).toBeTypeOf('function')
  expect(asked).toEqual([`bytes=14751-${tone.length - 1}`])
})

it('takes cues in the tail without a read, and leaves other files to open once whole', async () => {
  const asked = serve(tone)
  const { growing, begun } = downloading(tone, 1000)
  expect(await streamedWebm(growing, begun, signal)).toBeTypeOf('function')
  const m4a = new Uint8Array(
    readFileSync(new URL('./__fixtures__/onset-at-0.5s.m4a', import.meta.url)),
  )
  const other = downloading(m4a, 1000)
  expect(await streamedWebm(other.growing, other.begun, signal)).toBeUndefined()
  expect(asked).toEqual([])
})
