/**
 * The whole call squeezed into `columns` pixels: the loudest bin under each column. One pass over
 * the peaks, so a 3 h call (1 M bins a channel) costs a few milliseconds.
 */
export function overviewEnvelope(peaks: ArrayLike<number>, columns: number): Float32Array {
  const out = new Float32Array(Math.max(0, columns))
  if (columns <= 0 || peaks.length === 0) return out
  const perColumn = peaks.length / columns
  for (let i = 0; i < peaks.length; i++) {
    const column = Math.min(columns - 1, Math.floor(i / perColumn))
    const v = peaks[i] ?? 0
    if (v > (out[column] ?? 0)) out[column] = v
  }
  return out
}

/** Largest value over all channels (1 when silent), to scale the overview like the detail view. */
export function peakScale(channels: readonly Float32Array[]): number {
  let max = 0
  for (const c of channels) for (const v of c) if (v > max) max = v
  return max > 0 ? max : 1
}
