import { readFileSync } from 'node:fs'
import { afterEach, expect, it, vi } from 'vitest'
import { downloading, serve } from './streamed-start.fixture'
import { streamedMp4 } from './streamed-mp4'

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)))

/**
 * ffmpeg's M4A (ftyp, free, mdat at 36, moov last) with `padding` bytes more at the end of its
 * `mdat`: the samples stay where the table says, and the `moov` moves that far on.
 */
function padded(padding: number): Uint8Array<ArrayBuffer> {
  const m4a = fixture('onset-at-0.5s.m4a')
  const mdatEnd = 36 + 12254
  const file = new Uint8Array(m4a.length + padding)
  file.set(m4a.subarray(0, mdatEnd))
  file.set(m4a.subarray(mdatEnd), mdatEnd + padding)
  new DataView(file.buffer).setUint32(36, 12254 + padding)
  return file
}

afterEach(() => void vi.unstubAllGlobals())

const signal = new AbortController().signal

it('finds the sample table of an M4A whose moov is last with one ranged read from its header to the end', async () => {
  const file = padded(3_000_000)
  const asked = serve(file)
  const { growing, begun } = downloading(file, 100)
  expect(await streamedMp4(growing, begun, signal)).toBeTypeOf('function')
  expect(asked).toEqual([`bytes=${3_012_290}-${file.length - 1}`])
})

it('takes a moov in the tail in hand, and a first one from the download, without a ranged read', async () => {
  const asked = serve(padded(0))
  const last = downloading(padded(3_000_000), 2000)
  expect(await streamedMp4(last.growing, last.begun, signal)).toBeTypeOf('function')
  const first = downloading(fixture('onset-at-0.5s-faststart.m4a'), 100)
  expect(await streamedMp4(first.growing, first.begun, signal)).toBeTypeOf('function')
  expect(asked).toEqual([])
})

it('leaves a fragmented MP4 and a file that is not MP4 to open once whole', async () => {
  serve(padded(0))
  for (const name of ['onset-at-0.5s-fragmented.m4a', 'onset-at-0.5s.mp3']) {
    const { growing, begun } = downloading(fixture(name), 100)
    expect(await streamedMp4(growing, begun, signal)).toBeUndefined()
  }
})
