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
    let max = 0
    for (let i = from; i < to; i++) {
      const v = peaks[i] as number
      if (v > max) max = v
    }
    out[c] = max
    from = to
  }
  return out
}

/** Largest value over all channels (1 when silent), to scale the overview like the detail view. */
export function peakScale(channels: readonly Float32Array[]): number {
  let max = 0
  for (const c of channels)
    for (let i = 0; i < c.length; i++) {
      const v = c[i] as number
      if (v > max) max = v
    }
  return max > 0 ? max : 1
}
