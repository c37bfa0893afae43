/**
 * A frame's power spectrum, computed where its frame is: the caller writes the frame into `input`
 * (what it leaves unwritten stays zero), then asks for `power`, |X[k]|² for k = 0 … size/2.
 * `RealFft` is one; a WASM FFT in the decode workers is another (`wasm-frame-power.ts`).
 */
export interface FramePower {
  readonly size: number
  readonly input: Float32Array | Float64Array
  power(out: Float64Array): void
}

/**
 * Power spectrum of a real frame of `size` samples: the frame is packed into `size / 2` complex
 * points (the usual real-FFT trick), transformed by an in-place radix-2 FFT and untangled. Every
 * table is computed once, and a frame allocates nothing. Two radix-2 stages are done per pass
 * over the data (radix 2²), which halves the loads and stores.
 */
export class RealFft implements FramePower {
  readonly size: number
  readonly input: Float64Array
  private readonly half: number
  private readonly re: Float64Array
  private readonly im: Float64Array
  /** The stage whose butterflies are `span` apart reads its twiddles exp(−iπk/span) at `span + k`. */
  private readonly stageCos: Float64Array
  private readonly stageSin: Float64Array
  /** exp(−2πik/size), k < size/2, to untangle the two interleaved half-size transforms. */
  private readonly splitCos: Float64Array
  private readonly splitSin: Float64Array
  private readonly reverse: Uint32Array

  constructor(size: number) {
    if (size < 8 || (size & (size - 1)) !== 0)
      throw new Error(`FFT size ${size} is not a power of 2 of at least 8`)
    this.size = size
    this.input = new Float64Array(size)
    const n = size / 2
    this.half = n
    this.re = new Float64Array(n)
    this.im = new Float64Array(n)
    this.stageCos = new Float64Array(n)
    this.stageSin = new Float64Array(n)
    for (let span = 1; span < n; span *= 2) {
      for (let k = 0; k < span; k++) {
        this.stageCos[span + k] = Math.cos((Math.PI * k) / span)
        this.stageSin[span + k] = -Math.sin((Math.PI * k) / span)
      }
    }
    this.splitCos = new Float64Array(n)
    this.splitSin = new Float64Array(n)
    for (let k = 0; k < n; k++) {
      this.splitCos[k] = Math.cos((2 * Math.PI * k) / size)
      this.splitSin[k] = -Math.sin((2 * Math.PI * k) / size)
    }
    this.reverse = new Uint32Array(n)
    const bits = Math.log2(n)
    for (let i = 0; i < n; i++) {
      let r = 0
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b)
      this.reverse[i] = r
    }
  }

  power(out: Float64Array): void {
    this.powerSpectrum(this.input, out)
  }

  /** |X[k]|² for k = 0 … size/2 of a real frame of `size` samples. */
  powerSpectrum(frame: Float32Array | Float64Array, out: Float64Array): void {
    this.loadFirstTwoStages(frame)
    this.laterStages()
    this.untangle(out)
  }

  /**
   * The bit-reversed load, fused with the first two stages, whose twiddles are 1 and −i: points
   * i, i + n/2, i + n/4 and i + 3n/4 land next to each other, at j … j + 3.
   */
  private loadFirstTwoStages(frame: Float32Array | Float64Array): void {
    const { half: n, re, im, reverse } = this
    const quarter = n / 4
    for (let i = 0; i < quarter; i++) {
      const j = reverse[i]!
      const p0 = 2 * i
      const p1 = p0 + n
      const p2 = p0 + n / 2
      const p3 = p1 + n / 2
      const y0r = frame[p0]! + frame[p1]!
      const y0i = frame[p0 + 1]! + frame[p1 + 1]!
      const y1r = frame[p0]! - frame[p1]!
      const y1i = frame[p0 + 1]! - frame[p1 + 1]!
      const y2r = frame[p2]! + frame[p3]!
      const y2i = frame[p2 + 1]! + frame[p3 + 1]!
      const y3r = frame[p2]! - frame[p3]!
      const y3i = frame[p2 + 1]! - frame[p3 + 1]!
      re[j] = y0r + y2r
      im[j] = y0i + y2i
      re[j + 2] = y0r - y2r
      im[j + 2] = y0i - y2i
      re[j + 1] = y1r + y3i
      im[j + 1] = y1i - y3r
      re[j + 3] = y1r - y3i
      im[j + 3] = y1i + y3r
    }
  }

  /** The remaining stages two at a time (spans s and 2s in one pass over the data), then any last one. */
  private laterStages(): void {
    let span = 4
    for (; span * 2 < this.half; span *= 4) this.twoStages(span)
    if (span < this.half) this.oneStage(span)
  }

  private twoStages(span: number): void {
    const { half: n, re, im, stageCos, stageSin } = this
    const group = span * 4
    for (let k = 0; k < span; k++) {
      // Stage `span` turns by w = exp(−iπk/span); stage `2 span` by v = exp(−iπk/2span), and by −iv.
      const wr = stageCos[span + k]!
      const wi = stageSin[span + k]!
      const vr = stageCos[2 * span + k]!
      const vi = stageSin[2 * span + k]!
      for (let a0 = k; a0 < n; a0 += group) {
        const a1 = a0 + span
        const a2 = a1 + span
        const a3 = a2 + span
        const x1r = re[a1]!
        const x1i = im[a1]!
        const x3r = re[a3]!
        const x3i = im[a3]!
        const t1r = wr * x1r - wi * x1i
        const t1i = wr * x1i + wi * x1r
        const t3r = wr * x3r - wi * x3i
        const t3i = wr * x3i + wi * x3r
        const x0r = re[a0]!
        const x0i = im[a0]!
        const x2r = re[a2]!
        const x2i = im[a2]!
        const y0r = x0r + t1r
        const y0i = x0i + t1i
        const y1r = x0r - t1r
        const y1i = x0i - t1i
        const y2r = x2r + t3r
        const y2i = x2i + t3i
        const y3r = x2r - t3r
        const y3i = x2i - t3i
        const u2r = vr * y2r - vi * y2i
        const u2i = vr * y2i + vi * y2r
        const u3r = vr * y3r - vi * y3i
        const u3i = vr * y3i + vi * y3r
        re[a0] = y0r + u2r
        im[a0] = y0i + u2i
        re[a2] = y0r - u2r
        im[a2] = y0i - u2i
        // −i·u3 = (u3i, −u3r)
        re[a1] = y1r + u3i
        im[a1] = y1i - u3r
        re[a3] = y1r - u3i
        im[a3] = y1i + u3r
      }
    }
  }

  private oneStage(span: number): void {
    const { half: n, re, im, stageCos, stageSin } = this
    for (let k = 0; k < span; k++) {
      const wr = stageCos[span + k]!
      const wi = stageSin[span + k]!
      for (let a = k; a < n; a += span * 2) {
        const b = a + span
        const tr = wr * re[b]! - wi * im[b]!
        const ti = wr * im[b]! + wi * re[b]!
        const ar = re[a]!
        const ai = im[a]!
        re[b] = ar - tr
        im[b] = ai - ti
        re[a] = ar + tr
        im[a] = ai + ti
      }
    }
  }

  /** X[k] = E[k] + W^k O[k], with bins k and n − k computed together (they share E and O). */
  private untangle(out: Float64Array): void {
    const { half: n, re, im, splitCos, splitSin } = this
    out[0] = (re[0]! + im[0]!) ** 2
    out[n] = (re[0]! - im[0]!) ** 2
    for (let k = 1; k <= n / 2; k++) {
      const ar = re[k]!
      const ai = im[k]!
      const br = re[n - k]!
      const bi = im[n - k]!
      const er = 0.5 * (ar + br)
      const ei = 0.5 * (ai - bi)
      const or = 0.5 * (ai + bi)
      const oi = 0.5 * (br - ar)
      const c = splitCos[k]!
      const s = splitSin[k]!
      const p = c * or - s * oi
      const q = c * oi + s * or
      out[n - k] = (er - p) ** 2 + (q - ei) ** 2
      out[k] = (er + p) ** 2 + (ei + q) ** 2
    }
  }
}
