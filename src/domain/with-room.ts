/** The typed arrays that grow in place of a list: an hour of frames or samples, appended to. */
type Growable = Float32Array | Float64Array | Uint8Array

/**
 * `array` when it holds `needed` values; else a new array of its kind, at least twice as long,
 * holding its first `keep` values. Doubling keeps appending an hour a block at a time cheap.
 */
export function withRoom<T extends Growable>(array: T, needed: number, keep = array.length): T {
  if (needed <= array.length) return array
  const Kind = array.constructor as new (length: number) => T
  const grown = new Kind(Math.max(needed, array.length * 2))
  grown.set(array.subarray(0, keep))
  return grown
}
