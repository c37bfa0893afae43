/**
 * The audio samples (AAC frames) of an MP4/M4A file, from its sample table: where each one is in
 * the file, how long it is and when it plays. mediabunny finds a sample's offset by summing the
 * sizes of the samples before it in its chunk, and ffmpeg writes an audio-only M4A in chunks of
 * some 6,000 samples, so reading an hour that way costs about a billion additions. With the
 * table read once, a range is a run of samples and one read of the file.
 */

export interface Mp4Samples {
  /** Byte offset of each sample in the file. */
  offsets: Float64Array
  sizes: Uint32Array
  /** Presentation time of each sample in seconds, the edit list's start subtracted. */
  times: Float64Array
}

export interface Box {
  type: string
  /** The box's content, after its header. */
  start: number
  end: number
}

export function* boxes(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
): Generator<Box> {
  for (let at = start; at + 8 <= end;) {
    let size = view.getUint32(at)
    let header = 8
    if (size === 1) {
      size = Number(view.getBigUint64(at + 8))
      header = 16
    } else if (size === 0) size = end - at
    if (size < header || at + size > end) return
    yield {
      type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)),
      start: at + header,
      end: at + size,
    }
    at += size
  }
}

export function child(
  bytes: Uint8Array,
  view: DataView,
  parent: Box,
  type: string,
): Box | undefined {
  for (const box of boxes(bytes, view, parent.start, parent.end)) if (box.type === type) return box
  return undefined
}

export function path(
  bytes: Uint8Array,
  view: DataView,
  from: Box,
  types: string[],
): Box | undefined {
  let box: Box | undefined = from
  for (const type of types) box = box && child(bytes, view, box, type)
  return box
}

/**
 * The first sound track's samples, from the bytes of the `moov` box (`moov` itself, header
 * included). Undefined for anything this does not read: fragmented files (their samples are in
 * `moof` boxes), several edits, a table that does not add up.
 */
export function mp4AudioSamples(moov: Uint8Array): Mp4Samples | undefined {
  const found = moovBox(moov)
  if (!found || child(moov, found.view, found.root, 'mvex')) return undefined
  const trak = soundTrak(moov, found.view, found.root)
  return trak && trackSamples(moov, found.view, trak)
}

/** The `moov` box the bytes are (header included), with a view of them; undefined if not one. */
export function moovBox(moov: Uint8Array): { view: DataView; root: Box } | undefined {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength)
  const [root] = [...boxes(moov, view, 0, moov.length)]
  return root?.type === 'moov' ? { view, root } : undefined
}

/** Whether the `moov` box's track samples are in `moof` boxes (it has an `mvex`). */
export function isFragmented(moov: Uint8Array): boolean {
  const found = moovBox(moov)
  return found !== undefined && child(moov, found.view, found.root, 'mvex') !== undefined
}

/** The track's timescale (its `mdhd`'s), in units a second; undefined without an `mdhd`. */
export function trackTimescale(bytes: Uint8Array, view: DataView, trak: Box): number | undefined {
  const mdhd = path(bytes, view, trak, ['mdia', 'mdhd'])
  return mdhd && view.getUint32(mdhd.start + (bytes[mdhd.start] === 1 ? 20 : 12))
}

/** The first `trak` of the `moov` box `root` whose handler is sound. */
export function soundTrak(bytes: Uint8Array, view: DataView, root: Box): Box | undefined {
  return soundTraks(bytes, view, root)[0]
}

/** Every `trak` of the `moov` box `root` whose handler is sound. */
export function soundTraks(bytes: Uint8Array, view: DataView, root: Box): Box[] {
  return [...boxes(bytes, view, root.start, root.end)].filter((trak) => {
    const hdlr = trak.type === 'trak' && path(bytes, view, trak, ['mdia', 'hdlr'])
    return (
      hdlr && String.fromCharCode(...bytes.subarray(hdlr.start + 8, hdlr.start + 12)) === 'soun'
    )
  })
}

function trackSamples(bytes: Uint8Array, view: DataView, trak: Box): Mp4Samples | undefined {
  const timescale = trackTimescale(bytes, view, trak)
  const stbl = path(bytes, view, trak, ['mdia', 'minf', 'stbl'])
  if (timescale === undefined || !stbl) return undefined
  const table = (type: string) => child(bytes, view, stbl, type)
  const stsz = table('stsz')
  const stsc = table('stsc')
  const stts = table('stts')
  const stco = table('stco') ?? table('co64')
  if (!stsz || !stsc || !stts || !stco || timescale === 0) return undefined

  const count = view.getUint32(stsz.start + 8)
  const fixedSize = view.getUint32(stsz.start + 4)
  const sizes = new Uint32Array(count)
  for (let i = 0; i < count; i++) sizes[i] = fixedSize || view.getUint32(stsz.start + 12 + 4 * i)

  const wide = stco.type === 'co64'
  const chunks = view.getUint32(stco.start + 4)
  const chunkOffset = (c: number) =>
    wide
      ? Number(view.getBigUint64(stco.start + 8 + 8 * c))
      : view.getUint32(stco.start + 8 + 4 * c)
  const offsets = new Float64Array(count)
  const runs = view.getUint32(stsc.start + 4)
  let sample = 0
  for (let r = 0; r < runs; r++) {
    const entry = stsc.start + 8 + 12 * r
    const firstChunk = view.getUint32(entry) - 1
    const perChunk = view.getUint32(entry + 4)
    const lastChunk = r + 1 < runs ? view.getUint32(entry + 12) - 1 : chunks
    for (let c = firstChunk; c < lastChunk && sample < count; c++) {
      let at = chunkOffset(c)
      for (let k = 0; k < perChunk && sample < count; k++) {
        offsets[sample] = at
        at += sizes[sample++]!
      }
    }
  }
  if (sample !== count) return undefined

  const times = new Float64Array(count)
  const start = editStart(bytes, view, trak)
  if (start === undefined) return undefined
  let time = -start
  sample = 0
  for (let e = 0, entries = view.getUint32(stts.start + 4); e < entries; e++) {
    const entry = stts.start + 8 + 8 * e
    const delta = view.getUint32(entry + 4)
    for (let k = view.getUint32(entry); k > 0 && sample < count; k--) {
      times[sample++] = time / timescale
      time += delta
    }
  }
  return sample === count ? { offsets, sizes, times } : undefined
}

/** Where the track's playback starts in its own time: the one edit's media time (AAC's priming). */
export function editStart(bytes: Uint8Array, view: DataView, trak: Box): number | undefined {
  const elst = path(bytes, view, trak, ['edts', 'elst'])
  if (!elst) return 0
  const version = bytes[elst.start]
  const entries = view.getUint32(elst.start + 4)
  const wide = version === 1
  const entry = (i: number) => elst.start + 8 + (wide ? 20 : 12) * i
  // One edit that starts the media at its priming (an empty edit would delay it: not read here).
  if (entries !== 1) return entries === 0 ? 0 : undefined
  const mediaTime = wide ? Number(view.getBigInt64(entry(0) + 8)) : view.getInt32(entry(0) + 4)
  return mediaTime >= 0 ? mediaTime : undefined
}

/**
 * Runs of samples from `first` on, each `[start, end)` of at most `most` samples that follow one
 * another in the file, until the first sample that plays at or after `toS`.
 */
export function* sampleRuns(
  { offsets, sizes, times }: Mp4Samples,
  first: number,
  toS: number,
  most: number,
): Generator<[start: number, end: number]> {
  let start = first
  for (let i = first; ; i++) {
    const ends = i >= times.length || times[i]! >= toS
    const breaks =
      i > start && (i - start >= most || offsets[i] !== offsets[i - 1]! + sizes[i - 1]!)
    if (i > start && (ends || breaks)) {
      yield [start, i]
      start = i
    }
    if (ends) return
  }
}

/**
 * The top-level box whose header starts `header` (at least its first 8 bytes; 16 for a large
 * box), in a file of `fileSize` bytes; undefined when the bytes are no box header.
 */
export function topLevelBox(
  header: Uint8Array,
  at: number,
  fileSize: number,
): { type: string; size: number } | undefined {
  if (header.length < 8) return undefined
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  let size = view.getUint32(0)
  if (size === 1) size = header.length >= 16 ? Number(view.getBigUint64(8)) : 0
  else if (size === 0) size = fileSize - at
  const type = String.fromCharCode(...header.subarray(4, 8))
  return size >= 8 && at + size <= fileSize ? { type, size } : undefined
}

/** Top-level boxes looked at for the `moov`: ffmpeg and Egress write three or four. */
const MOST_BOXES = 16

/**
 * Bytes `start` to `end` of a file, told whether the boxes before them hold the samples (an
 * `mdat`: a `moov` after it is written last); undefined when they cannot be read.
 */
export type BoxReader = (
  start: number,
  end: number,
  pastSamples: boolean,
) => Promise<Uint8Array | undefined>

/**
 * The `moov` box (header included) of an MP4 of `size` bytes, walking its top-level boxes from
 * its `ftyp` with `read`. Undefined for any other file, a fragmented one (a `moof` before it), and
 * a `moov` not among the first boxes or not read.
 */
export async function findMoovBox(size: number, read: BoxReader): Promise<Uint8Array | undefined> {
  let pastSamples = false
  for (let at = 0, boxes = 0; at + 8 <= size && boxes < MOST_BOXES; boxes++) {
    const header = await read(at, Math.min(size, at + 16), pastSamples)
    const box = header && topLevelBox(header, at, size)
    if (!box || box.type === 'moof' || (boxes === 0 && box.type !== 'ftyp')) return undefined
    if (box.type === 'moov') return read(at, at + box.size, pastSamples)
    if (box.type === 'mdat') pastSamples = true
    at += box.size
  }
  return undefined
}

/** The first sound track's sample entry type (`mp4a` for AAC, `Opus`…); undefined without one. */
export function soundCodec(moov: Uint8Array): string | undefined {
  const found = moovBox(moov)
  const trak = found && soundTrak(moov, found.view, found.root)
  const stsd = trak && path(moov, found.view, trak, ['mdia', 'minf', 'stbl', 'stsd'])
  if (!stsd || stsd.start + 16 > stsd.end) return undefined
  return String.fromCharCode(...moov.subarray(stsd.start + 12, stsd.start + 16))
}

/** The index of the last time at or before `t` (0 when all are after it). */
export function lastAtOrBefore(times: Float64Array, t: number): number {
  let low = 0
  let high = times.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (times[mid]! <= t) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * The bytes that hold the samples from the last one at or before `fromS` up to the first at or
 * after `toS` (not included): what a decode of that time range reads.
 */
export function sampleSpan(
  { offsets, sizes, times }: Mp4Samples,
  fromS: number,
  toS: number,
): { start: number; end: number } {
  let start = Infinity
  let end = 0
  for (let i = lastAtOrBefore(times, fromS); i < times.length && times[i]! < toS; i++) {
    start = Math.min(start, offsets[i]!)
    end = Math.max(end, offsets[i]! + sizes[i]!)
  }
  return { start: Math.min(start, end), end }
}
