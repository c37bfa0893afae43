import type { OggPage } from './ogg-pages'
import { firstAudioPage, hasAudioPackets } from './ogg-pages'
import { PEAKS_PER_SECOND } from './peaks'

/**
 * How a recording is cut for the decode workers. Every range starts on a whole 10 ms bin, so the
 * peaks (and alignment feature frames) of consecutive ranges join without a seam, whatever order
 * they were decoded in.
 */

/** The first ranges, one per decode worker, are the opening ones: the first draw waits for them. */
export const OPENING_RANGES = 2

/**
 * Two short ranges first, so both workers draw the opening seconds at once; then a minute each.
 * Short because a worker's first range runs before V8 has optimised its code: cold, 10 s of an
 * hour-long Opus call took as long as a minute does warm (≈ 360 ms on 2 cores), 5 s ≈ 280 ms.
 */
export function rangeSeconds(index: number): number {
  return index < OPENING_RANGES ? 5 : 60
}

export interface TimeRange {
  /** Whole seconds, so every sample rate puts the cut on a whole sample and a whole bin. */
  fromS: number
  toS: number
}

export function planTimeRanges(durationS: number): TimeRange[] {
  const end = Math.ceil(durationS)
  const ranges: TimeRange[] = []
  for (let from = 0; from < end;) {
    const to = Math.min(end, from + rangeSeconds(ranges.length))
    ranges.push({ fromS: from, toS: to })
    from = to
  }
  return ranges
}

/** Positions are output samples at the decode rate, counted from the first sample after pre-skip. */
export interface OggRange {
  byteStart: number
  byteEnd: number
  /** The first page only primes the decoder (Opus converges within a few packets); its output is dropped. */
  preroll: boolean
  /** Position of the first sample decoded after the preroll page. */
  startPos: number
  /** Output kept: [emitFrom, emitTo). `emitFrom` is on a bin boundary. */
  emitFrom: number
  emitTo: number
}

export interface OggPlan {
  totalSamples: number
  ranges: OggRange[]
}

export function planOggRanges(
  pages: readonly OggPage[],
  rate: number,
  preSkip: number,
  byteLength: number,
): OggPlan {
  const first = firstAudioPage(pages)
  const scale = rate / 48_000
  const lead = Math.round(preSkip * scale)
  const hop = rate / PEAKS_PER_SECOND
  const positionAfter = (page: OggPage) => Math.round(page.granule * scale) - lead
  const lastTimed = pages.findLast((p, i) => i >= first && p.granule >= 0)
  if (!lastTimed || !hasAudioPackets(pages)) return { totalSamples: 0, ranges: [] }
  const totalSamples = Math.max(0, positionAfter(lastTimed))
  const endOf = (index: number) => {
    const page = pages[Math.min(index, pages.length - 1)]
    return page ? page.offset + page.size : byteLength
  }
  const ranges: OggRange[] = []
  let open = { page: first, preroll: false, startPos: -lead, emitFrom: 0 }
  const byteStartOf = (o: typeof open) => pages[o.preroll ? o.page - 1 : o.page]?.offset ?? 0
  for (let p = first; p < pages.length - 1; p++) {
    const page = pages[p]
    if (!page || page.granule < 0) continue
    const position = positionAfter(page)
    if (position < open.emitFrom + rangeSeconds(ranges.length) * rate) continue
    const emitFrom = Math.ceil(position / hop) * hop
    if (emitFrom >= totalSamples) break
    // The next range's first packets reach its (rounded-up) start: decode them here too.
    ranges.push({
      byteStart: byteStartOf(open),
      byteEnd: endOf(p + 2),
      preroll: open.preroll,
      startPos: open.startPos,
      emitFrom: open.emitFrom,
      emitTo: emitFrom,
    })
    open = { page: p + 1, preroll: true, startPos: position, emitFrom }
  }
  ranges.push({
    byteStart: byteStartOf(open),
    byteEnd: byteLength,
    preroll: open.preroll,
    startPos: open.startPos,
    emitFrom: open.emitFrom,
    emitTo: totalSamples,
  })
  return { totalSamples, ranges }
}

/** Index of the pending range under `focusS`, else the first after it, else the first of all. */
export function nextRange(pending: readonly TimeRange[], focusS: number): number {
  const ahead = pending.findIndex((r) => r.toS > focusS)
  if (ahead === -1) return 0
  const under = pending.findIndex((r) => r.fromS <= focusS && focusS < r.toS)
  return under === -1 ? ahead : under
}
