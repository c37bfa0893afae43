import { FEATURE_RATE, MFCC_COUNT } from '../audio/features'

/**
 * Per-frame band energy and MFCCs of a 16 kHz signal, as alignment.md §3.1 defines them for the
 * recording (10 ms hop, 25 ms Hann window, 512-point FFT, 24 log-mel bands over 100–7000 Hz,
 * DCT-II → `MFCC_COUNT` coefficients), so a synthesised reference and the recording are compared
 * on the same features.
 */
export const HOP_SAMPLES = 160
export const WINDOW_SAMPLES = 400
const FFT_SIZE = 512
const BINS = FFT_SIZE / 2 + 1
const MEL_BANDS = 24
const MEL_LOW_HZ = 100
const MEL_HIGH_HZ = 7000
const BAND_LOW_HZ = 150
const BAND_HIGH_HZ = 4000

export interface FrameFeatures {
  frames: number
  /** 150–4000 Hz band energy per frame, dB. */
  energy: Float32Array
  /** `MFCC_COUNT` coefficients per frame, frame-major. */
  mfcc: Float32Array
}

/** Frame f covers samples [f × 160, f × 160 + 400). */
export function frameCount(samples: number): number {
  return samples < WINDOW_SAMPLES ? 0 : 1 + Math.floor((samples - WINDOW_SAMPLES) / HOP_SAMPLES)
}

export function computeFrameFeatures(samples: Float32Array): FrameFeatures {
  const frames = frameCount(samples.length)
  const energy = new Float32Array(frames)
  const mfcc = new Float32Array(frames * MFCC_COUNT)
  const { window, melBank, dct, fft } = tables()
  const re = new Float64Array(FFT_SIZE)
  const im = new Float64Array(FFT_SIZE)
  const power = new Float64Array(BINS)
  const logMel = new Float64Array(MEL_BANDS)
  const binHz = FEATURE_RATE / FFT_SIZE
  const bandLow = Math.floor(BAND_LOW_HZ / binHz) + 1
  const bandHigh = Math.ceil(BAND_HIGH_HZ / binHz) - 1
  for (let f = 0; f < frames; f++) {
    const offset = f * HOP_SAMPLES
    re.fill(0)
    im.fill(0)
    for (let i = 0; i < WINDOW_SAMPLES; i++) re[i] = (samples[offset + i] ?? 0) * (window[i] ?? 0)
    fft(re, im)
    let band = 0
    for (let k = 0; k < BINS; k++) {
      const p = (re[k] ?? 0) ** 2 + (im[k] ?? 0) ** 2
      power[k] = p
      if (k >= bandLow && k <= bandHigh) band += p
    }
    energy[f] = 10 * Math.log10(band + 1e-10)
    for (let b = 0; b < MEL_BANDS; b++) {
      let sum = 0
      const weights = melBank[b]
      if (weights) for (const [k, w] of weights) sum += (power[k] ?? 0) * w
      logMel[b] = Math.log(sum + 1e-8)
    }
    for (let c = 0; c < MFCC_COUNT; c++) {
      let sum = 0
      for (let b = 0; b < MEL_BANDS; b++) sum += (logMel[b] ?? 0) * (dct[c * MEL_BANDS + b] ?? 0)
      mfcc[f * MFCC_COUNT + c] = sum
    }
  }
  return { frames, energy, mfcc }
}

interface Tables {
  window: Float64Array
  /** Per band, the (bin, weight) pairs of its triangle. */
  melBank: [number, number][][]
  /** Orthonormal DCT-II, `MFCC_COUNT` × `MEL_BANDS`. */
  dct: Float64Array
  fft: (re: Float64Array, im: Float64Array) => void
}

let cached: Tables | undefined

function tables(): Tables {
  cached ??= {
    window: Float64Array.from(
      { length: WINDOW_SAMPLES },
      (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WINDOW_SAMPLES - 1)),
    ),
    melBank: melFilterBank(),
    dct: dctMatrix(),
    fft: radix2Fft(FFT_SIZE),
  }
  return cached
}

const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700)
const hzOfMel = (m: number) => 700 * (10 ** (m / 2595) - 1)

function melFilterBank(): [number, number][][] {
  const low = mel(MEL_LOW_HZ)
  const step = (mel(MEL_HIGH_HZ) - low) / (MEL_BANDS + 1)
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) => hzOfMel(low + i * step))
  const binHz = FEATURE_RATE / FFT_SIZE
  return Array.from({ length: MEL_BANDS }, (_, b) => {
    const lo = edges[b] ?? 0
    const centre = edges[b + 1] ?? 0
    const hi = edges[b + 2] ?? 0
    const weights: [number, number][] = []
    for (let k = 0; k < BINS; k++) {
      const hz = k * binHz
      const w = Math.min((hz - lo) / (centre - lo), (hi - hz) / (hi - centre))
      if (w > 0) weights.push([k, w])
    }
    return weights
  })
}

function dctMatrix(): Float64Array {
  const out = new Float64Array(MFCC_COUNT * MEL_BANDS)
  for (let c = 0; c < MFCC_COUNT; c++) {
    const scale = Math.sqrt((c === 0 ? 1 : 2) / MEL_BANDS)
    for (let b = 0; b < MEL_BANDS; b++)
      out[c * MEL_BANDS + b] = scale * Math.cos((Math.PI * c * (b + 0.5)) / MEL_BANDS)
  }
  return out
}

/** In-place iterative radix-2 FFT of size n (a power of two). */
export function radix2Fft(n: number): (re: Float64Array, im: Float64Array) => void {
  const bits = Math.log2(n)
  const reverse = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b)
    reverse[i] = r
  }
  const cos = Float64Array.from({ length: n / 2 }, (_, i) => Math.cos((-2 * Math.PI * i) / n))
  const sin = Float64Array.from({ length: n / 2 }, (_, i) => Math.sin((-2 * Math.PI * i) / n))
  return (re, im) => {
    for (let i = 0; i < n; i++) {
      const j = reverse[i] ?? 0
      if (j > i) {
        const tr = re[i] ?? 0
        re[i] = re[j] ?? 0
        re[j] = tr
        const ti = im[i] ?? 0
        im[i] = im[j] ?? 0
        im[j] = ti
      }
    }
    for (let size = 2; size <= n; size *= 2) {
      const half = size / 2
      const stride = n / size
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = cos[k * stride] ?? 0
          const wi = sin[k * stride] ?? 0
          const a = start + k
          const b = a + half
          const xr = (re[b] ?? 0) * wr - (im[b] ?? 0) * wi
          const xi = (re[b] ?? 0) * wi + (im[b] ?? 0) * wr
          re[b] = (re[a] ?? 0) - xr
          im[b] = (im[a] ?? 0) - xi
          re[a] = (re[a] ?? 0) + xr
          im[a] = (im[a] ?? 0) + xi
        }
      }
    }
  }
}
