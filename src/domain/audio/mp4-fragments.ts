import type { Mp4Samples } from './mp4-samples'
import { boxes, child, editStart, moovBox, soundTrak, trackTimescale } from './mp4-samples'

/** A `moof` box's bytes (header included) and where it starts in the file. */
export interface PlacedMoof {
  at: number
  bytes: Uint8Array
}

/** Sample defaults of a track: its `trex`, overridden per fragment by a `tfhd`. */
interface Defaults {
  duration: number
  size: number
}

/**
 * The first sound track's samples in a fragmented file, from its `moov` (with `mvex`) and its
 * `moof` boxes in file order: mediabunny finds a fragmented file's packets fragment by fragment,
 * an hour's 1,800 fragments of 2 s at a cost that grows with each. Undefined for anything this
 * does not read (a track without `tfdt`, sizes that are neither given nor defaulted).
 */
export function fragmentedSamples(
  moov: Uint8Array,
  moofs: readonly PlacedMoof[],
): Mp4Samples | undefined {
  const found = moovBox(moov)
  if (!found) return undefined
  const { view, root } = found
  const sound = soundTrak(moov, view, root)
  const tkhd = sound && child(moov, view, sound, 'tkhd')
  const timescale = sound && trackTimescale(moov, view, sound)
  if (!sound || !tkhd || timescale === undefined) return undefined
  const trackId = view.getUint32(tkhd.start + (moov[tkhd.start] === 1 ? 20 : 12))
  const start = editStart(moov, view, sound)
  const mvex = child(moov, view, root, 'mvex')
  const trex =
    mvex &&
    [...boxes(moov, view, mvex.start, mvex.end)].find(
      (box) => box.type === 'trex' && view.getUint32(box.start + 4) === trackId,
    )
  const defaults: Defaults = trex
    ? { duration: view.getUint32(trex.start + 12), size: view.getUint32(trex.start + 16) }
    : { duration: 0, size: 0 }
  if (timescale === 0 || start === undefined) return undefined

  const offsets: number[] = []
  const sizes: number[] = []
  const times: number[] = []
  for (const moof of moofs) {
    const added = fragmentSamples(moof, trackId, defaults)
    if (!added) return undefined
    for (const sample of added) {
      offsets.push(sample.offset)
      sizes.push(sample.size)
      times.push((sample.time - start) / timescale)
    }
  }
  return {
    offsets: Float64Array.from(offsets),
    sizes: Uint32Array.from(sizes),
    times: Float64Array.from(times),
  }
}

interface FragmentSample {
  offset: number
  size: number
  /** Decode time in the track's timescale. */
  time: number
}

function fragmentSamples(
  { at, bytes }: PlacedMoof,
  trackId: number,
  trackDefaults: Defaults,
): FragmentSample[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const [moof] = [...boxes(bytes, view, 0, bytes.length)]
  if (moof?.type !== 'moof') return undefined
  const samples: FragmentSample[] = []
  for (const traf of boxes(bytes, view, moof.start, moof.end)) {
    if (traf.type !== 'traf') continue
    const tfhd = child(bytes, view, traf, 'tfhd')
    const tfdt = child(bytes, view, traf, 'tfdt')
    if (!tfhd || view.getUint32(tfhd.start + 4) !== trackId) continue
    if (!tfdt) return undefined
    const flags = view.getUint32(tfhd.start) & 0xffffff
    let field = tfhd.start + 8
    const next = (bytes: number) => ((field += bytes), field - bytes)
    // The data offsets count from the file's `base_data_offset` if given, else from the `moof`.
    const base = flags & 0x1 ? Number(view.getBigUint64(next(8))) : at
    if (flags & 0x2) next(4)
    const defaults = {
      duration: flags & 0x8 ? view.getUint32(next(4)) : trackDefaults.duration,
      size: flags & 0x10 ? view.getUint32(next(4)) : trackDefaults.size,
    }
    let time =
      bytes[tfdt.start] === 1
        ? Number(view.getBigUint64(tfdt.start + 4))
        : view.getUint32(tfdt.start + 4)
    let offset = base
    for (const trun of boxes(bytes, view, traf.start, traf.end)) {
      if (trun.type !== 'trun') continue
      const runFlags = view.getUint32(trun.start) & 0xffffff
      const count = view.getUint32(trun.start + 4)
      let at = trun.start + 8
      const field = () => ((at += 4), at - 4)
      if (runFlags & 0x1) offset = base + view.getInt32(field())
      if (runFlags & 0x4) field()
      for (let i = 0; i < count; i++) {
        const duration = runFlags & 0x100 ? view.getUint32(field()) : defaults.duration
        const size = runFlags & 0x200 ? view.getUint32(field()) : defaults.size
        if (runFlags & 0x400) field()
        if (runFlags & 0x800) field()
        if (size === 0 || at > trun.end) return undefined
        samples.push({ offset, size, time })
        offset += size
        time += duration
      }
    }
  }
  return samples
}
