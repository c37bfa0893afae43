import loadPffft from '@echogarden/pffft-wasm/simd'
import type { FramePower } from '../../domain/audio/fft'

const REAL = 0
const FORWARD = 0

/**
 * The feature frames' power spectrum through PFFFT (WASM with SIMD): ≈ 2.4 µs a 512-point frame
 * against ≈ 4.8 µs for `RealFft`, and the FFT is half of the features' cost. The frame is
 * written straight into the module's memory. Undefined where the module cannot load (no WASM
 * SIMD): the features then use `RealFft`, to the same values within float32's rounding.
 */
export async function loadWasmFramePower(size: number): Promise<FramePower | undefined> {
  try {
    const pffft = await loadPffft()
    const setup = pffft._pffft_new_setup(size, REAL)
    const bytes = size * Float32Array.BYTES_PER_ELEMENT
    const [input, output, work] = [0, 1, 2].map(() => pffft._pffft_aligned_malloc(bytes))
    if (!setup || !input || !output || !work) return undefined
    // Allocated once, above: the module's memory does not grow after, so these views stay valid.
    const heap = pffft.HEAPF32
    const frame = heap.subarray(input / 4, input / 4 + size).fill(0)
    const spectrum = heap.subarray(output / 4, output / 4 + size)
    const half = size / 2
    return {
      size,
      input: frame,
      power(out) {
        pffft._pffft_transform_ordered(setup, input, output, work, FORWARD)
        // Ordered real output: X[0] and X[size/2] (both real) first, then X[k] as re, im.
        out[0] = spectrum[0]! * spectrum[0]!
        out[half] = spectrum[1]! * spectrum[1]!
        for (let k = 1; k < half; k++) {
          const re = spectrum[2 * k]!
          const im = spectrum[2 * k + 1]!
          out[k] = re * re + im * im
        }
      },
    }
  } catch {
    return undefined
  }
}
