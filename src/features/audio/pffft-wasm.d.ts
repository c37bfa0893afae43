/** The part of PFFFT's Emscripten module (`@echogarden/pffft-wasm`, which ships no types) used here. */
declare module '@echogarden/pffft-wasm/simd' {
  export interface PffftModule {
    HEAPF32: Float32Array
    /** Sizes and pointers are in bytes; `transform` 0 is a real FFT, `direction` 0 forward. */
    _pffft_new_setup(size: number, transform: number): number
    _pffft_aligned_malloc(bytes: number): number
    _pffft_transform_ordered(
      setup: number,
      input: number,
      output: number,
      work: number,
      direction: number,
    ): void
  }
  const PFFFT: () => Promise<PffftModule>
  export default PFFFT
}
