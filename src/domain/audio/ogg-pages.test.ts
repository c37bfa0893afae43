import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import type { OggPage } from './ogg-pages'
import { planOggRanges } from './decode-ranges'
import {
  firstAudioPage,
  hasAudioPackets,
  OggPacketReader,
  pageAt,
  parseOpusHead,
  scanOggPages,
} from './ogg-pages'

const demo = new Uint8Array(
  readFileSync(new URL('../../../public/demo/audio.ogg', import.meta.url)),
)

/** A page with the given lacing values; the body bytes count up from `fill`. */
function page(lacing: number[], flags = 0, granule = 0n, fill = 0): Uint8Array {
  const body = lacing.reduce((n, v) => n + v, 0)
  const bytes = new Uint8Array(27 + lacing.length + body)
  bytes.set([0x4f, 0x67, 0x67, 0x53], 0)
  const view = new DataView(bytes.buffer)
  view.setUint8(5, flags)
  view.setBigInt64(6, granule, true)
  view.setUint8(26, lacing.length)
  bytes.set(lacing, 27)
  for (let i = 0; i < body; i++) bytes[27 + lacing.length + i] = (fill + i) % 256
  return bytes
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

test('the demo recording is a run of whole pages with an Opus ID header', () => {
  const pages = scanOggPages(demo)
  const last = pages.at(-1) as OggPage
  expect(last.offset + last.size).toBe(demo.length)
  const head = parseOpusHead(new OggPacketReader().push(demo, pages[0] as OggPage)[0] ?? demo)
  expect(head).toMatchObject({ channels: 2, mappingFamily: 0, streamCount: 1 })
  expect(head?.preSkip).toBeGreaterThan(0)
  expect(firstAudioPage(pages)).toBe(2)
  expect(last.granule).toBeGreaterThan(60 * 48_000)
})

test('a packet continued on the next page is joined; one begun before the first page is dropped', () => {
  const bytes = join(page([10, 255], 0, 100n, 0), page([5, 3], 1, 200n, 50))
  const pages = scanOggPages(bytes)
  expect(pages.map((p) => p.continued)).toEqual([false, true])
  const reader = new OggPacketReader()
  const packets = pages.flatMap((p) => reader.push(bytes, p))
  expect(packets.map((p) => p.length)).toEqual([10, 260, 3])

  const fromSecond = new OggPacketReader().push(bytes, pages[1] as OggPage)
  expect(fromSecond.map((p) => p.length)).toEqual([3])
})

test('a truncated page ends the scan', () => {
  const whole = page([20], 0, 10n)
  const bytes = join(whole, whole.subarray(0, 30))
  expect(scanOggPages(bytes)).toHaveLength(1)
  expect(pageAt(bytes, 5)).toBeUndefined()
})

test('granule -1 (no packet ends on the page) reads as -1', () => {
  expect(pageAt(page([255], 0, -1n), 0)?.granule).toBe(-1)
})

test('a recording with only its header pages, or closed by an empty page, has no audio', () => {
  const corpus = (name: string) =>
    new Uint8Array(readFileSync(new URL(`../../../e2e/corpus/${name}`, import.meta.url)))
  expect(hasAudioPackets(scanOggPages(demo))).toBe(true)
  const headersOnly = scanOggPages(corpus('header-only.ogg'))
  expect(headersOnly).toHaveLength(2)
  expect(hasAudioPackets(headersOnly)).toBe(false)
  const closed = scanOggPages(corpus('header-only-eos.ogg'))
  // The end page still claims 5.9 s: the duration that used to be listed.
  expect((closed.at(-1)?.granule ?? 0) / 48_000).toBeCloseTo(5.9, 1)
  expect(hasAudioPackets(closed)).toBe(false)
  expect(planOggRanges(closed, 16_000, 312, 164)).toEqual({ totalSamples: 0, ranges: [] })
})
