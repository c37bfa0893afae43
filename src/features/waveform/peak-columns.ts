import { loudestBin } from '../../domain/audio/peaks'
import type { TimeWindow } from '../../domain/view/shown-window'

/** What one lane of the detail canvas draws: a point per value, at its x in canvas pixels. */
export interface PeakColumns {
  xs: Float32Array
  values: Float32Array
}

/**
 * The points of `peaks` (`binsPerSecond` bins a second) to draw `span` across `width` pixels:
 * one per pixel column, the loudest bin under it, when a column holds a bin or more; one per bin,
 * at the bin's centre, when zoomed past the bins. Only the bins under the span are read, so a
 * zoomed view of an hour costs what its few hundred bins cost. Bins past the peaks (not decoded,
 * or past the end) are silence.
 */
export function peakColumns(
  peaks: ArrayLike<number>,
  binsPerSecond: number,
  span: TimeWindow,
  width: number,
): PeakColumns {
  const seconds = span.end - span.start
  if (!(width > 0) || !(seconds > 0))
    return { xs: new Float32Array(0), values: new Float32Array(0) }
  const binsPerPx = (seconds * binsPerSecond) / width
  return binsPerPx >= 1
    ? perColumn(peaks, span.start * binsPerSecond, binsPerPx, width)
    : perBin(peaks, binsPerSecond, span, width / seconds)
}

function perColumn(
  peaks: ArrayLike<number>,
  firstBin: number,
  binsPerPx: number,
  width: number,
): PeakColumns {
  const columns = Math.ceil(width)
  const xs = new Float32Array(columns)
  const values = new Float32Array(columns)
  let from = Math.max(0, Math.floor(firstBin))
  for (let c = 0; c < columns; c++) {
    const to = Math.min(
      peaks.length,
      Math.max(from + 1, Math.floor(firstBin + (c + 1) * binsPerPx)),
    )
    xs[c] = c + 0.5
    values[c] = loudestBin(peaks, from, to)
    from = to
  }
  return { xs, values }
}

function perBin(
  peaks: ArrayLike<number>,
  binsPerSecond: number,
  span: TimeWindow,
  pxPerSecond: number,
): PeakColumns {
  // The bins either side of the span too, so the outline runs to both edges.
  const first = Math.max(0, Math.floor(span.start * binsPerSecond) - 1)
  const last = Math.ceil(span.end * binsPerSecond) + 1
  const count = Math.max(0, last - first)
  const xs = new Float32Array(count)
  const values = new Float32Array(count)
  for (let k = 0; k < count; k++) {
    const bin = first + k
    xs[k] = ((bin + 0.5) / binsPerSecond - span.start) * pxPerSecond
    values[k] = bin < peaks.length ? (peaks[bin] as number) : 0
  }
  return { xs, values }
}
