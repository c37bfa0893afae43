/**
 * Where a WebM/Matroska recording's parts are, read from its first bytes and its `Cues`: how
 * long it plays, and which clusters hold a time range, so that a range can be decoded as soon as
 * its clusters are in. Element IDs are written with their length marker, as in the specification.
 */

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  seek: 0x4dbb,
  seekId: 0x53ab,
  seekPosition: 0x53ac,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  audio: 0xe1,
  channels: 0x9f,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
  cueTrackPositions: 0xb7,
  cueClusterPosition: 0xf1,
  cluster: 0x1f43b675,
} as const

const AUDIO_TRACK = 2

interface Element {
  id: number
  /** Where its data starts and ends; `end` undefined for an unknown size (a live stream's). */
  start: number
  end: number | undefined
}

/** The element whose header is at `at`; undefined when the bytes end first or are no header. */
export function readElement(bytes: Uint8Array, at: number): Element | undefined {
  const id = readVint(bytes, at, true)
  const size = id && readVint(bytes, at + id.length, false)
  if (!id || !size || id.length > 4) return undefined
  const start = at + id.length + size.length
  return { id: id.value, start, end: size.unknown ? undefined : start + size.value }
}

function readVint(bytes: Uint8Array, at: number, marked: boolean) {
  const first = bytes[at]
  if (first === undefined || first === 0) return undefined
  const length = Math.clz32(first) - 23
  if (length > 8 || at + length > bytes.length) return undefined
  let value = marked ? first : first & (0xff >> length)
  let allOnes = value === 0xff >> length
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!
    allOnes &&= bytes[at + i] === 0xff
  }
  return { value, length, unknown: allOnes }
}

/** The children of data `[start, end)`, as long as each is whole in `bytes`. */
function* children(bytes: Uint8Array, start: number, end: number): Generator<Element> {
  for (let at = start; at < end;) {
    const element = readElement(bytes, at)
    if (!element?.end || element.end > bytes.length) return
    yield element
    at = element.end
  }
}

function readUint(bytes: Uint8Array, { start, end }: Element): number {
  let value = 0
  for (let i = start; i < end!; i++) value = value * 256 + bytes[i]!
  return value
}

/** A float element's value; undefined for a length a float is not (4 or 8 bytes). */
function readFloat(bytes: Uint8Array, { start, end }: Element): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, end! - start)
  if (view.byteLength === 4) return view.getFloat32(0)
  return view.byteLength === 8 ? view.getFloat64(0) : undefined
}

/** What a WebM's first bytes say of the whole file. */
export interface WebmHead {
  /** Where the segment's data starts: the seek head's and cues' positions count from there. */
  segmentStart: number
  /** Seconds a cue's or block's time unit is. */
  timeUnit: number
  duration: number
  channels: number
  /** The sound track's codec (`A_OPUS`, `A_VORBIS`…). */
  codec: string
  /** Where the `Cues` element starts in the file, from the seek head. */
  cuesAt: number
}

/**
 * The head of a WebM whose first bytes are `bytes` (up to its first cluster); undefined when they
 * do not say how long it plays, where its cues are, or what its sound track is.
 */
export function webmHead(bytes: Uint8Array): WebmHead | undefined {
  const ebml = readElement(bytes, 0)
  const segment = ebml?.id === ID.ebml && ebml.end && readElement(bytes, ebml.end)
  if (!segment || segment.id !== ID.segment) return undefined
  // 1 ms unless the info says otherwise (Matroska's default timestamp scale).
  const head: Partial<WebmHead> = { segmentStart: segment.start, timeUnit: 1e-3 }
  let duration: number | undefined
  let cuesPosition: number | undefined
  for (const element of children(bytes, segment.start, segment.end ?? bytes.length)) {
    if (element.id === ID.seekHead) cuesPosition = seekPosition(bytes, element, ID.cues)
    if (element.id === ID.info)
      for (const field of children(bytes, element.start, element.end!)) {
        if (field.id === ID.timestampScale) head.timeUnit = readUint(bytes, field) * 1e-9
        if (field.id === ID.duration) duration = readFloat(bytes, field)
      }
    if (element.id === ID.tracks) Object.assign(head, soundTrack(bytes, element))
  }
  if (duration === undefined || cuesPosition === undefined || !head.codec) return undefined
  return {
    segmentStart: segment.start,
    timeUnit: head.timeUnit!,
    duration: duration * head.timeUnit!,
    channels: head.channels ?? 1,
    codec: head.codec,
    cuesAt: segment.start + cuesPosition,
  }
}

function seekPosition(bytes: Uint8Array, seekHead: Element, id: number): number | undefined {
  for (const seek of children(bytes, seekHead.start, seekHead.end!)) {
    if (seek.id !== ID.seek) continue
    let seekId: number | undefined
    let position: number | undefined
    for (const field of children(bytes, seek.start, seek.end!)) {
      if (field.id === ID.seekId) seekId = readUint(bytes, field)
      if (field.id === ID.seekPosition) position = readUint(bytes, field)
    }
    if (seekId === id && position !== undefined) return position
  }
  return undefined
}

function soundTrack(
  bytes: Uint8Array,
  tracks: Element,
): { codec: string; channels: number } | undefined {
  for (const entry of children(bytes, tracks.start, tracks.end!)) {
    if (entry.id !== ID.trackEntry) continue
    let type: number | undefined
    let codec = ''
    let channels = 1
    let opusChannels: number | undefined
    for (const field of children(bytes, entry.start, entry.end!)) {
      if (field.id === ID.trackType) type = readUint(bytes, field)
      if (field.id === ID.codecId)
        codec = String.fromCharCode(...bytes.subarray(field.start, field.end)).replace(/\0+$/, '')
      if (field.id === ID.codecPrivate) opusChannels = opusHeadChannels(bytes, field)
      if (field.id === ID.audio)
        for (const setting of children(bytes, field.start, field.end!))
          if (setting.id === ID.channels) channels = readUint(bytes, setting)
    }
    // Opus decodes to its own head's channels, whatever the track says.
    if (type === AUDIO_TRACK) return { codec, channels: opusChannels ?? channels }
  }
  return undefined
}

/** The channel count of an `OpusHead` in a track's codec data; undefined for other data. */
function opusHeadChannels(bytes: Uint8Array, { start, end }: Element): number | undefined {
  const opusHead = String.fromCharCode(...bytes.subarray(start, start + 8)) === 'OpusHead'
  return opusHead && start + 10 <= end! ? bytes[start + 9] : undefined
}

/** Each cue's time (seconds) and the file position of the cluster it points to, in time order. */
export interface WebmCues {
  times: Float64Array
  positions: Float64Array
}

/** The cues of a `Cues` element (`bytes`, its header included); undefined if it is none. */
export function webmCues(bytes: Uint8Array, head: WebmHead): WebmCues | undefined {
  const cues = readElement(bytes, 0)
  if (cues?.id !== ID.cues || !cues.end || cues.end > bytes.length) return undefined
  const points: [number, number][] = []
  for (const point of children(bytes, cues.start, cues.end)) {
    if (point.id !== ID.cuePoint) continue
    let time: number | undefined
    let position: number | undefined
    for (const field of children(bytes, point.start, point.end!)) {
      if (field.id === ID.cueTime) time = readUint(bytes, field)
      if (field.id === ID.cueTrackPositions)
        for (const at of children(bytes, field.start, field.end!))
          if (at.id === ID.cueClusterPosition) position = readUint(bytes, at)
    }
    if (time !== undefined && position !== undefined)
      points.push([time * head.timeUnit, head.segmentStart + position])
  }
  if (points.length === 0) return undefined
  points.sort((a, b) => a[0] - b[0])
  return {
    times: Float64Array.from(points, ([time]) => time),
    positions: Float64Array.from(points, ([, position]) => position),
  }
}

/**
 * The bytes that hold the clusters with the blocks from `fromS` to `toS`, and the cluster after
 * them (a demuxer reads on to the block after the range's last); up to `size` at the end.
 */
export function clusterSpan(
  { times, positions }: WebmCues,
  fromS: number,
  toS: number,
  size: number,
): { start: number; end: number } {
  let first = 0
  while (first + 1 < times.length && times[first + 1]! <= fromS) first++
  let after = first
  while (after < times.length && times[after]! <= toS) after++
  // `after` is the first cluster past the range; the one after it ends what is read.
  const end = after + 1 < positions.length ? positions[after + 1]! : size
  return { start: positions[first]!, end }
}
