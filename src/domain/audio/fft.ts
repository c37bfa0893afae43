/**
 * In-place radix-2 FFT for one fixed size, with the twiddles and bit reversal computed once.
 * `powerSpectrum` packs a real frame of 2n samples into n complex points (the usual real-FFT trick),
 * which halves the work of the per-frame features.
 */
export class RealFft {
  readonly size: number
  private readonly half: number
  private readonly re: Float64Array
  private readonly im: Float64Array
  private readonly cos: Float64Array
  private readonly sin: Float64Array
  private readonly reverse: Uint32Array

  constructor(size: number) {
    if (size < 4 || (size & (size - 1)) !== 0)
      throw new Error(`FFT size ${size} is not a power of 2`)
    this.size = size
    const n = size / 2
    this.half = n
    this.re = new Float64Array(n)
    this.im = new Float64Array(n)
    this.cos = new Float64Array(size / 2)
    this.sin = new Float64Array(size / 2)
    for (let k = 0; k < size / 2; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size)
      this.sin[k] = Math.sin((2 * Math.PI * k) / size)
    }
    this.reverse = new Uint32Array(n)
    const bits = Math.log2(n)
    for (let i = 0; i < n; i++) {
      let r = 0
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b)
      this.reverse[i] = r
    }
  }

  /** |X[k]|² for k = 0 … size/2 of a real frame of `size` samples (zero-padded if shorter). */
  powerSpectrum(frame: Float32Array | Float64Array, out: Float64Array): void {
    const { half: n, re, im, reverse } = this
    for (let i = 0; i < n; i++) {
      const j = reverse[i]!
      re[j] = frame[2 * i]!
      im[j] = frame[2 * i + 1]!
    }
    this.complexInPlace()
    // Untangle the two interleaved real transforms: X[k] = E[k] + W^k O[k].
    const { cos, sin } = this
    out[0] = (re[0]! + im[0]!) ** 2
    out[n] = (re[0]! - im[0]!) ** 2
    for (let k = 1; k < n; k++) {
      const ar = re[k]!
      const ai = im[k]!
      const br = re[n - k]!
      const bi = -im[n - k]!
      const er = (ar + br) / 2
      const ei = (ai + bi) / 2
      const or = (ai - bi) / 2
      const oi = -(ar - br) / 2
      const c = cos[k]!
      const s = -sin[k]!
      const xr = er + c * or - s * oi
      const xi = ei + c * oi + s * or
      out[k] = xr * xr + xi * xi
    }
  }

  private complexInPlace(): void {
    const { half: n, re, im, cos, sin } = this
    for (let len = 2; len <= n; len *= 2) {
      const step = (2 * n) / len
      const halfLen = len / 2
      for (let start = 0; start < n; start += len) {
        for (let k = 0; k < halfLen; k++) {
          const wr = cos[k * step]!
          const wi = -sin[k * step]!
          const a = start + k
          const b = a + halfLen
          const br = re[b]!
          const bi = im[b]!
          const tr = wr * br - wi * bi
          const ti = wr * bi + wi * br
          const ar = re[a]!
          const ai = im[a]!
          re[b] = ar - tr
          im[b] = ai - ti
          re[a] = ar + tr
          im[a] = ai + ti
        }
      }
    }
  }
}
