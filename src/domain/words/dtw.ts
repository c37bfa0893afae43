import { MFCC_COUNT } from '../audio/features'

/** c1…c12 and their deltas: c0 is loudness, which differs between a reference voice and a call. */
export const DTW_DIMS = 2 * (MFCC_COUNT - 1)

/**
 * DTW input for frames [from, to) of frame-major MFCCs: c1…c12 plus deltas (central differences,
 * one-sided at the edges), then per-utterance mean and variance normalisation of each dimension.
 */
export function dtwFeatures(mfcc: Float32Array, from: number, to: number): Float32Array {
  const frames = Math.max(0, to - from)
  const half = MFCC_COUNT - 1
  const out = new Float32Array(frames * DTW_DIMS)
  const coef = (f: number, c: number) => mfcc[(from + f) * MFCC_COUNT + c + 1] ?? 0
  for (let f = 0; f < frames; f++) {
    const prev = Math.max(0, f - 1)
    const next = Math.min(frames - 1, f + 1)
    const span = Math.max(1, next - prev)
    for (let c = 0; c < half; c++) {
      out[f * DTW_DIMS + c] = coef(f, c)
      out[f * DTW_DIMS + half + c] = (coef(next, c) - coef(prev, c)) / span
    }
  }
  for (let d = 0; d < DTW_DIMS; d++) {
    let sum = 0
    let squares = 0
    for (let f = 0; f < frames; f++) {
      const v = out[f * DTW_DIMS + d] ?? 0
      sum += v
      squares += v * v
    }
    const mean = frames > 0 ? sum / frames : 0
    const std = Math.sqrt(Math.max(0, frames > 0 ? squares / frames - mean * mean : 0)) + 1e-6
    for (let f = 0; f < frames; f++) {
      const at = f * DTW_DIMS + d
      out[at] = ((out[at] ?? 0) - mean) / std
    }
  }
  return out
}

export interface DtwPath {
  /** For each reference frame on the path, the first recording frame matched to it. */
  firstMatch: Int32Array
  /** Mean local distance of the path's cells in each reference row. */
  rowCost: Float32Array
  /** Reference frames on the path: all of them, or fewer with an open end. */
  referenceFrames: number
}

/**
 * Plain DTW with steps (1,1), (1,0), (0,1) and Euclidean local distance between `DTW_DIMS`-wide
 * frames. The path starts at both first frames and ends at the last recording frame; with
 * `openEnd` it may end before the last reference frame (the recording stops where an interrupted
 * reply was cut), at the row with the least cost per step.
 */
export function dtwPath(
  reference: Float32Array,
  recording: Float32Array,
  openEnd: boolean,
): DtwPath {
  const n = Math.floor(reference.length / DTW_DIMS)
  const m = Math.floor(recording.length / DTW_DIMS)
  if (n === 0 || m === 0)
    return { firstMatch: new Int32Array(n), rowCost: new Float32Array(n), referenceFrames: 0 }
  const width = m + 1
  const total = new Float32Array((n + 1) * width).fill(Infinity)
  total[0] = 0
  for (let i = 1; i <= n; i++) {
    let left = Infinity
    const row = i * width
    const above = row - width
    for (let j = 1; j <= m; j++) {
      const best = Math.min(total[above + j - 1] ?? Infinity, total[above + j] ?? Infinity, left)
      left = best + distance(reference, i - 1, recording, j - 1)
      total[row + j] = left
    }
  }
  const end = openEnd ? cheapestEndRow(total, n, m) : n
  return backtrack(total, reference, recording, end, m)
}

function distance(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let sum = 0
  const ai = i * DTW_DIMS
  const bj = j * DTW_DIMS
  for (let d = 0; d < DTW_DIMS; d++) {
    const diff = (a[ai + d] ?? 0) - (b[bj + d] ?? 0)
    sum += diff * diff
  }
  return Math.sqrt(sum)
}

function cheapestEndRow(total: Float32Array, n: number, m: number): number {
  let best = n
  let bestCost = Infinity
  for (let i = 1; i <= n; i++) {
    const perStep = (total[i * (m + 1) + m] ?? Infinity) / (i + m)
    if (perStep < bestCost) {
      bestCost = perStep
      best = i
    }
  }
  return best
}

function backtrack(
  total: Float32Array,
  reference: Float32Array,
  recording: Float32Array,
  endRow: number,
  m: number,
): DtwPath {
  const n = Math.floor(reference.length / DTW_DIMS)
  const width = m + 1
  const firstMatch = new Int32Array(n).fill(m - 1)
  const costSum = new Float64Array(n)
  const cells = new Int32Array(n)
  let i = endRow
  let j = m
  while (i > 0 && j > 0) {
    firstMatch[i - 1] = j - 1
    costSum[i - 1] = (costSum[i - 1] ?? 0) + distance(reference, i - 1, recording, j - 1)
    cells[i - 1] = (cells[i - 1] ?? 0) + 1
    const diagonal = total[(i - 1) * width + j - 1] ?? Infinity
    const up = total[(i - 1) * width + j] ?? Infinity
    const left = total[i * width + j - 1] ?? Infinity
    if (diagonal <= up && diagonal <= left) {
      i--
      j--
    } else if (up <= left) i--
    else j--
  }
  const rowCost = Float32Array.from(costSum, (sum, row) => sum / Math.max(1, cells[row] ?? 0))
  return { firstMatch, rowCost, referenceFrames: endRow }
}
