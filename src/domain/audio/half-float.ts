/**
 * IEEE 754 half precision (binary16): 11 significant bits, finite up to 65,504. The alignment
 * features are stored this way, half the bytes of float32: a step of 0.03 dB at −60 dB, far
 * below what any threshold or distance on them can tell apart.
 */
const MAX_HALF = 0x7bff
const INFINITY_HALF = 0x7c00
const single = new Float32Array(1)
const singleBits = new Uint32Array(single.buffer)

/** The nearest half (ties to even); finite values beyond the range saturate at ±65,504. */
export function toHalf(value: number): number {
  single[0] = value
  const bits = singleBits[0] ?? 0
  const sign = (bits >>> 16) & 0x8000
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15
  const mantissa = bits & 0x7fffff
  if (exponent === 0xff - 127 + 15) return sign | INFINITY_HALF | (mantissa ? 0x200 : 0)
  if (exponent >= 0x1f) return sign | MAX_HALF
  if (exponent <= 0) {
    if (exponent < -10) return sign
    // A subnormal half: the implicit leading 1 shifted into the 10-bit field.
    const shift = 14 - exponent
    return sign | roundShifted(mantissa | 0x800000, shift)
  }
  const rounded = ((exponent << 10) | (mantissa >>> 13)) + roundUp(mantissa, 13)
  // Rounding up may carry into the exponent; past the largest finite half it saturates.
  return sign | Math.min(rounded, MAX_HALF)
}

function roundShifted(value: number, shift: number): number {
  return (value >>> shift) + roundUp(value, shift)
}

/** 1 when the bits shifted out round `value >>> shift` up: over half, or half and odd. */
function roundUp(value: number, shift: number): number {
  const rest = value & ((1 << shift) - 1)
  const half = 1 << (shift - 1)
  return rest > half || (rest === half && (value >>> shift) & 1) ? 1 : 0
}

let decoded: Float32Array | undefined

/** Every half's value, by its bits (256 KB, built once). */
function halfValues(): Float32Array {
  if (decoded) return decoded
  decoded = new Float32Array(0x10000)
  for (let bits = 0; bits < 0x10000; bits++) {
    const exponent = (bits >>> 10) & 0x1f
    const mantissa = bits & 0x3ff
    const magnitude =
      exponent === 0
        ? mantissa * 2 ** -24
        : exponent === 0x1f
          ? mantissa
            ? NaN
            : Infinity
          : (1 + mantissa / 1024) * 2 ** (exponent - 15)
    decoded[bits] = bits & 0x8000 ? -magnitude : magnitude
  }
  return decoded
}

export function toHalves(values: Float32Array): Uint16Array<ArrayBuffer> {
  const halves = new Uint16Array(values.length)
  for (let i = 0; i < values.length; i++) halves[i] = toHalf(values[i] ?? 0)
  return halves
}

export function fromHalves(halves: Uint16Array): Float32Array<ArrayBuffer> {
  const table = halfValues()
  const values = new Float32Array(halves.length)
  for (let i = 0; i < halves.length; i++) values[i] = table[halves[i] ?? 0] ?? 0
  return values
}
