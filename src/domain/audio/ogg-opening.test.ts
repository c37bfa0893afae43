import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { planOggRanges } from './decode-ranges'
import {
  FIRST_BYTES,
  openingOf,
  planOpening,
  readOpening,
  sameOpening,
  tailPages,
} from './ogg-opening'
import type { OggPage } from './ogg-pages'
import { scanOggPages } from './ogg-pages'

const demo = new Uint8Array(
  readFileSync(new URL('../../../public/demo/audio.ogg', import.meta.url)),
)
const RATE = 16_000
const PRE_SKIP = 312
const whole = planOggRanges(scanOggPages(demo), RATE, PRE_SKIP, demo.length)

function tailOf(bytes: Uint8Array, length: number) {
  const offset = bytes.length - length
  return tailPages(bytes.subarray(offset), offset)
}

/** `planOpening` from the demo's first `bytes` bytes and the pages of its tail. */
function planFromFirst(bytes: number, tail: OggPage[], count = 2) {
  return planOpening(
    scanOggPages(demo.subarray(0, bytes)),
    tail,
    RATE,
    PRE_SKIP,
    demo.length,
    count,
  )
}

test('the tail pages are found from a cut in the middle of a page, at their offsets in the file', () => {
  const pages = scanOggPages(demo)
  const tail = tailOf(demo, 20_000)
  expect(tail.length).toBeGreaterThan(0)
  expect(tail.map((p) => p.offset)).toEqual(pages.slice(-tail.length).map((p) => p.offset))
  expect(tail.at(-1)?.granule).toBe(pages.at(-1)?.granule)
})

test('a capture pattern inside a packet is not taken for a page', () => {
  const bytes = new Uint8Array(demo.subarray(demo.length - 20_000))
  const start = tailPages(bytes, 0)[0]?.offset ?? 0
  // A fake "OggS" header before the first real page, whose claimed size runs past the end.
  bytes.set([0x4f, 0x67, 0x67, 0x53, 0, 0], start - 40)
  expect(tailPages(bytes, 0)[0]?.offset).toBe(start)
})

test('bytes with no page chaining to their end have no tail pages', () => {
  expect(tailPages(demo.subarray(0, demo.length - 1), 0)).toEqual([])
  expect(tailPages(new Uint8Array(1000), 0)).toEqual([])
})

test("the first bytes and the tail plan the whole file's opening ranges and total", () => {
  const tail = tailOf(demo, 16_384)
  const early = planFromFirst(120_000, tail)
  expect(early).toBeDefined()
  if (!early) return
  expect(early.totalSamples).toBe(whole.totalSamples)
  expect(early.ranges).toEqual(whole.ranges.slice(0, 2))
  expect(sameOpening(whole, early)).toBe(true)
})

test('too few bytes to hold the opening ranges plan nothing yet', () => {
  const tail = tailOf(demo, 16_384)
  expect(planFromFirst(30_000, tail)).toBe(undefined)
  expect(planFromFirst(120_000, [])).toBe(undefined)
})

test('the opening never includes the last range, which ends at the end of the file', () => {
  const tail = tailOf(demo, 16_384)
  const count = whole.ranges.length
  const early = planFromFirst(demo.length, tail, count)
  expect(early).toBe(undefined)
})

test('a whole file whose plan differs (cut short in the middle) is told apart', () => {
  const tail = tailOf(demo, 16_384)
  const early = planFromFirst(120_000, tail)
  if (!early) throw new Error('no opening plan')
  const broken = new Uint8Array(demo)
  // A page's capture pattern overwritten: the whole file's scan stops there.
  const cutAt = scanOggPages(demo).find((p) => p.offset >= 150_000)?.offset ?? 150_000
  broken.set([0, 0, 0, 0], cutAt)
  const cut = planOggRanges(scanOggPages(broken), RATE, PRE_SKIP, broken.length)
  expect(sameOpening(cut, early)).toBe(false)
})

test('the opening of the first bytes: its stream and plan, more bytes wanted, or no Opus at all', () => {
  const tail = tailOf(demo, 16_384)
  const opening = openingOf(demo.subarray(0, 120_000), tail, demo.length, RATE, 2)
  expect(opening).not.toBe('more')
  if (!opening || opening === 'more') throw new Error('no opening')
  expect(opening.head.preSkip).toBe(PRE_SKIP)
  expect(opening.plan.ranges).toEqual(whole.ranges.slice(0, 2))
  expect(openingOf(demo.subarray(0, 4_000), tail, demo.length, RATE, 2)).toBe('more')
  expect(openingOf(new Uint8Array(120_000), tail, demo.length, RATE, 2)).toBeUndefined()
})

test('the opening is read from 64 KB of first bytes, then twice as many each time, up to the most', async () => {
  const tail = tailOf(demo, 16_384)
  const asked: number[] = []
  const upTo = (bytes: number) => {
    asked.push(bytes)
    return Promise.resolve(demo.subarray(0, bytes))
  }
  const opening = await readOpening(upTo, tail, demo.length, RATE, 2)
  expect(opening?.plan.ranges).toEqual(whole.ranges.slice(0, 2))
  expect(asked[0]).toBe(FIRST_BYTES)
  expect(asked.slice(1)).toEqual(asked.slice(0, -1).map((bytes) => bytes * 2))
  asked.length = 0
  expect(await readOpening(upTo, tail, demo.length, RATE, 2, FIRST_BYTES - 1)).toBeUndefined()
  expect(asked).toEqual([])
})
