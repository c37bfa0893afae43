import { loudestBin } from './peaks'
import type { PlacedBins } from './range-assembly'

/**
 * The whole call squeezed into `columns` pixels: the loudest bin under each column. One pass over
 * the peaks, so a 3 h call (1 M bins a channel) costs a few milliseconds. Indexed loops: this runs
 * once a second while an hour fills in, too rarely for the JIT to optimise an iterator away.
 */
export function overviewEnvelope(peaks: ArrayLike<number>, columns: number): Float32Array {
  const out = new Float32Array(Math.max(0, columns))
  const n = peaks.length
  if (columns <= 0 || n === 0) return out
  // Bin i goes to column floor(i * columns / n), so column c holds bins [c·n/columns, (c+1)·n/columns).
  let from = 0
  for (let c = 0; c < columns; c++) {
    const to = Math.ceil(((c + 1) * n) / columns)
    out[c] = loudestBin(peaks, from, to)
    from = to
  }
  return out
}

/** Largest value over all channels (1 when silent), to scale the overview like the detail view. */
export function peakScale(channels: readonly Float32Array[]): number {
  return scaleOfLoudest(channels.map((c) => loudestBin(c, 0, c.length)))
}

/** The scale for channels whose loudest bins are `loudest`: the largest, or 1 when all are silent. */
export function scaleOfLoudest(loudest: readonly number[]): number {
  const max = Math.max(0, ...loudest)
  return max > 0 ? max : 1
}

/**
 * `overviewEnvelope` of each channel, kept while the peaks fill in: `update` recomputes only the
 * columns under bins placed since the last call, so following a decode costs what it placed.
 */
export class GrowingEnvelopes {
  readonly envelopes: Float32Array[]
  /** Spans of `placed` already applied. */
  private seen = 0
  private whole = false

  constructor(
    private readonly peaks: readonly Float32Array[],
    private readonly columns: number,
  ) {
    this.envelopes = peaks.map(() => new Float32Array(Math.max(0, columns)))
  }

  /** Undefined `placed`: the peaks are whole (from the cache), and every column is computed once. */
  update(placed: PlacedBins | undefined) {
    const n = this.peaks[0]?.length ?? 0
    if (this.columns <= 0 || n === 0) return
    if (!placed) {
      if (!this.whole)
        this.peaks.forEach((p, c) => this.envelopes[c]?.set(overviewEnvelope(p, this.columns)))
      this.whole = true
      return
    }
    for (const { from, to } of placed.spans.slice(this.seen)) {
      const first = Math.floor((from * this.columns) / n)
      const last = Math.min(this.columns - 1, Math.floor(((to - 1) * this.columns) / n))
      for (let col = first; col <= last; col++) this.recompute(col, n)
    }
    this.seen = placed.spans.length
  }

  /** Column c holds bins [⌈c·n/columns⌉, ⌈(c+1)·n/columns⌉), as in `overviewEnvelope`. */
  private recompute(col: number, n: number) {
    const from = Math.ceil((col * n) / this.columns)
    const to = Math.ceil(((col + 1) * n) / this.columns)
    this.peaks.forEach((p, c) => {
      const out = this.envelopes[c]
      if (out) out[col] = loudestBin(p, from, to)
    })
  }
}
