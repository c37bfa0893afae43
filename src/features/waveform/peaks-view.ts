/**
 * Peaks whose `slice` is a view of the same memory, not a copy. wavesurfer slices each channel's
 * peaks for every canvas it draws: at fit width that is the whole recording (2.9 MB an hour),
 * copied on every redraw while the peaks fill and left to the collector. It only reads them.
 */
class SlicedAsView extends Float32Array {
  override slice(start?: number, end?: number): Float32Array<ArrayBuffer> {
    return this.subarray(start, end)
  }
}

/** Views of `peaks` for wavesurfer: the same memory, so they show the ranges as they are filled in. */
export function peaksForWaveSurfer(peaks: readonly Float32Array[]): Float32Array[] {
  return peaks.map(
    (channel) =>
      new SlicedAsView(channel.buffer as ArrayBuffer, channel.byteOffset, channel.length),
  )
}
