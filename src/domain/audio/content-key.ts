/**
 * Which bytes identify a recording for the peaks cache: its size plus evenly spread slices,
 * always including the first and the last bytes. Hashing about 1 MB is as fast for a 1 GB WAV as
 * for a 1 MB Opus file, and any re-encode or edit changes the header, the size or a slice.
 */
export const KEY_SLICES = 32
export const KEY_SLICE_BYTES = 32 * 1024

export interface Span {
  start: number
  end: number
}

/** Holds an Ogg file's last page (at most 65,307 bytes) and the content key's last slice. */
const TAIL_BYTES = 128 * 1024

/**
 * The last bytes a linked recording is opened from with its first ones (`streamedStart`), read
 * by a range request; undefined for a file small enough to be read whole.
 */
export function tailSpan(size: number): Span | undefined {
  return size > KEY_SLICES * KEY_SLICE_BYTES ? { start: size - TAIL_BYTES, end: size } : undefined
}

export function keySpans(size: number, slices = KEY_SLICES, sliceBytes = KEY_SLICE_BYTES): Span[] {
  if (size <= slices * sliceBytes) return [{ start: 0, end: size }]
  const step = (size - sliceBytes) / (slices - 1)
  return Array.from({ length: slices }, (_, i) => {
    const start = Math.round(i * step)
    return { start, end: start + sliceBytes }
  })
}

/**
 * The first and last of `keySpans`: what a download has in hand early (its first chunk and a
 * ranged read of its tail). Only files over `KEY_SLICES × KEY_SLICE_BYTES` have them apart.
 */
export function probeSpans(size: number, sliceBytes = KEY_SLICE_BYTES): Span[] {
  if (size <= KEY_SLICES * sliceBytes) return [{ start: 0, end: size }]
  return [
    { start: 0, end: sliceBytes },
    { start: size - sliceBytes, end: size },
  ]
}
