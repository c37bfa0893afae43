import { readFileSync } from 'node:fs'
import { afterEach, expect, it, vi } from 'vitest'
import type { GrowingFile } from './growing-file'
import { streamedMp4 } from './streamed-mp4'
import type { StreamedStart } from './streamed-start'

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

/** Ranged reads of `file`, answered as a server does; each one's range is kept. */
function serve(file: Uint8Array<ArrayBuffer>) {
  const asked: string[] = []
  vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? ''
    asked.push(range)
    const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(range) ?? []
    const [start, end] = [Number(from), Number(to)]
    const headers = { 'content-range': `bytes ${start}-${end}/${file.length}` }
    return Promise.resolve(new Response(file.slice(start, end + 1), { status: 206, headers }))
  })
  return asked
}

afterEach(() => void vi.unstubAllGlobals())

/** A download of `file` whose first bytes are in, as the linked-call loader makes it. */
function downloading(file: Uint8Array<ArrayBuffer>, tailBytes: number) {
  const blob = new Blob([file])
  const upTo = vi.fn((bytes: number) => Promise.resolve(blob.slice(0, bytes)))
  const growing = { url: 'https://example.com/call.m4a', upTo } as unknown as GrowingFile
  const begun: StreamedStart = {
    size: file.length,
    start: blob.slice(0, 32 * 1024),
    tail: file.slice(file.length - tailBytes),
    tailStart: file.length - tailBytes,
  }
  return { growing, begun, upTo }
}

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
