import type { OggPlan, OggRange } from './decode-ranges'
import { planOggRanges } from './decode-ranges'
import type { OggPage, OpusHead } from './ogg-pages'
import { opusHeadOf, pageAt, scanOggPages } from './ogg-pages'

/**
 * Planning a recording's opening ranges before the whole file is in: from the pages of its first
 * bytes and those of its tail (which hold the last granule, hence the duration). The ranges and
 * the total are those the whole file's plan gives when its pages run unbroken from start to end;
 * the caller checks that against the whole file's plan once it is in.
 */

/**
 * The whole pages at the end of `bytes`, a slice of the file starting at `offset`: those of the
 * first offset from which whole pages follow one another up to the very last byte. A capture
 * pattern inside a packet does not chain to the end, so it is not taken for a page.
 */
export function tailPages(bytes: Uint8Array, offset: number): OggPage[] {
  for (let at = 0; at < bytes.length; at++) {
    const pages = chainToEnd(bytes, at)
    if (pages) return pages.map((p) => ({ ...p, offset: p.offset + offset }))
  }
  return []
}

function chainToEnd(bytes: Uint8Array, from: number): OggPage[] | undefined {
  const pages: OggPage[] = []
  let at = from
  for (let page = pageAt(bytes, at); page; page = pageAt(bytes, at)) {
    pages.push(page)
    at += page.size
  }
  return at === bytes.length && pages.length > 0 ? pages : undefined
}

export interface OpeningPlan {
  totalSamples: number
  /** The first ranges of the whole file's plan, each within the bytes already in. */
  ranges: OggRange[]
}

/**
 * The first `count` ranges, or undefined while the file's first bytes (scanned into `head`, their
 * whole pages) do not hold them all yet. A range whose end lies past them, or the recording's
 * last range (which ends at the file's end), waits for the whole file.
 */
export function planOpening(
  head: readonly OggPage[],
  tail: readonly OggPage[],
  rate: number,
  preSkip: number,
  byteLength: number,
  count: number,
): OpeningPlan | undefined {
  const lastInPrefix = head.at(-1)
  const firstInTail = tail[0]
  if (!lastInPrefix || !firstInTail) return undefined
  const prefixEnd = lastInPrefix.offset + lastInPrefix.size
  const pages = [...head, ...tail.filter((p) => p.offset >= prefixEnd)]
  const plan: OggPlan = planOggRanges(pages, rate, preSkip, byteLength)
  const ranges = plan.ranges.slice(0, count)
  const known = (r: OggRange, i: number) => r.byteEnd <= prefixEnd && i < plan.ranges.length - 1
  if (ranges.length < count || !ranges.every(known)) return undefined
  return { totalSamples: plan.totalSamples, ranges }
}

/** An Ogg Opus recording's stream and opening ranges, planned from its first bytes and tail. */
export interface PlannedOpening {
  head: OpusHead
  plan: OpeningPlan
}

/**
 * The opening of a file of `size` bytes from its first bytes (`prefix`) and the pages of its tail:
 * `more` while the first bytes do not hold the opening ranges yet, undefined when they are no Ogg
 * Opus stream.
 */
export function openingOf(
  prefix: Uint8Array,
  tail: readonly OggPage[],
  size: number,
  rate: number,
  count: number,
): PlannedOpening | 'more' | undefined {
  const pages = scanOggPages(prefix)
  const head = opusHeadOf(prefix, pages)
  if (!head) return undefined
  const plan = planOpening(pages, tail, rate, head.preSkip, size, count)
  if (plan) return { head, plan }
  return prefix.length < size ? 'more' : undefined
}

/** The first bytes an opening is looked for in: a voice call's opening 10 s of Opus (≈ 26 kbit/s). */
export const FIRST_BYTES = 64 * 1024

/**
 * The opening of a file of `size` bytes whose first bytes `upTo` gives: `FIRST_BYTES`, then twice
 * as many until they hold the opening ranges, up to `most`; undefined when they are no Ogg Opus,
 * `upTo` gives none, or `most` bytes do not hold the opening.
 */
export async function readOpening(
  upTo: (bytes: number) => Promise<Uint8Array | undefined>,
  tail: readonly OggPage[],
  size: number,
  rate: number,
  count: number,
  most = Infinity,
): Promise<PlannedOpening | undefined> {
  for (let wanted = FIRST_BYTES; wanted <= most; wanted *= 2) {
    const prefix = await upTo(Math.min(wanted, size))
    if (!prefix) return undefined
    const opening = openingOf(prefix, tail, size, rate, count)
    if (opening !== 'more') return opening
  }
  return undefined
}

/** Whether the whole file's plan starts with the ranges (and has the total) planned early. */
export function sameOpening(whole: OggPlan, early: OpeningPlan): boolean {
  if (whole.totalSamples !== early.totalSamples) return false
  return early.ranges.every((r, i) => {
    const w = whole.ranges[i]
    return (
      w !== undefined &&
      i < whole.ranges.length - 1 &&
      w.byteStart === r.byteStart &&
      w.byteEnd === r.byteEnd &&
      w.preroll === r.preroll &&
      w.startPos === r.startPos &&
      w.emitFrom === r.emitFrom &&
      w.emitTo === r.emitTo
    )
  })
}
