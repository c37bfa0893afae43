import type { Box } from './mp4-samples'
import { boxes, child, editStart, moovBox, path, soundTraks, trackTimescale } from './mp4-samples'

/** How long an MP4's sound plays, in seconds, and its channels. */
export interface Mp4SoundFacts {
  duration: number
  channels: number
}

/** `objectTypeIndication` of MPEG-4 audio (AAC) in an `esds`. */
const MPEG4_AUDIO = 0x40
/** AAC's channel configurations 1–7 (0: named in the stream, not read here). */
const CONFIGURED_CHANNELS = [0, 1, 2, 3, 4, 5, 6, 8]
const PARAMETRIC_STEREO = 29

/**
 * The first sound track's duration and channels, from the bytes of the `moov` box (header
 * included), as a demuxer would find them: the sum of the track's sample durations less the
 * edit's start (AAC's priming), and the channels its AudioSpecificConfig names. Undefined for
 * anything else (a fragmented file, another codec, channels set in the stream, several sound
 * tracks, of which the demuxer may prefer another): those are probed.
 */
export function mp4SoundFacts(moov: Uint8Array): Mp4SoundFacts | undefined {
  try {
    const found = moovBox(moov)
    if (!found || child(moov, found.view, found.root, 'mvex')) return undefined
    const { view } = found
    const sound = soundTraks(moov, view, found.root)
    const trak = sound.length === 1 ? sound[0] : undefined
    const timescale = trak && trackTimescale(moov, view, trak)
    const stts = trak && path(moov, view, trak, ['mdia', 'minf', 'stbl', 'stts'])
    const start = trak && editStart(moov, view, trak)
    const channels = trak && aacChannels(moov, view, trak)
    if (!stts || !timescale || start === undefined || !channels) return undefined
    const entries = view.getUint32(stts.start + 4)
    if (stts.start + 8 + 8 * entries > stts.end) return undefined
    let units = 0
    for (let e = 0; e < entries; e++)
      units += view.getUint32(stts.start + 8 + 8 * e) * view.getUint32(stts.start + 12 + 8 * e)
    const duration = (units - start) / timescale
    return duration > 0 ? { duration, channels } : undefined
  } catch {
    // A box that runs past the bytes.
    return undefined
  }
}

/** The channels of a track whose first sample entry is `mp4a` with an MPEG-4 audio `esds`. */
function aacChannels(bytes: Uint8Array, view: DataView, trak: Box): number | undefined {
  const stsd = path(bytes, view, trak, ['mdia', 'minf', 'stbl', 'stsd'])
  const [entry] = stsd ? boxes(bytes, view, stsd.start + 8, stsd.end) : []
  // An ISO AudioSampleEntry (version 0): 28 bytes of fields, then its boxes.
  if (entry?.type !== 'mp4a' || view.getUint16(entry.start + 8) !== 0) return undefined
  const esds = child(bytes, view, { ...entry, start: entry.start + 28 }, 'esds')
  const config = esds && audioSpecificConfig(bytes.subarray(esds.start + 4, esds.end))
  return config && configuredChannels(config)
}

/** The DecoderSpecificInfo of an `esds`'s descriptors, if they describe MPEG-4 audio. */
function audioSpecificConfig(descriptors: Uint8Array): Uint8Array | undefined {
  const es = descriptor(descriptors, 0)
  if (es?.tag !== 0x03) return undefined
  const flags = descriptors[es.start + 2]!
  let at = es.start + 3
  if (flags & 0x80) at += 2
  if (flags & 0x40) at += 1 + descriptors[at]!
  if (flags & 0x20) at += 2
  const decoderConfig = descriptor(descriptors, at)
  if (decoderConfig?.tag !== 0x04 || descriptors[decoderConfig.start] !== MPEG4_AUDIO)
    return undefined
  const specific = descriptor(descriptors, decoderConfig.start + 13)
  return specific?.tag === 0x05 ? descriptors.subarray(specific.start, specific.end) : undefined
}

/** An MPEG-4 descriptor at `at`: its tag and where its content lies. */
function descriptor(bytes: Uint8Array, at: number) {
  const tag = bytes[at]
  let length = 0
  let i = at + 1
  for (let n = 0; n < 4; n++) {
    const byte = bytes[i++]
    if (byte === undefined) return undefined
    length = (length << 7) | (byte & 0x7f)
    if (!(byte & 0x80)) break
  }
  return tag === undefined || i + length > bytes.length
    ? undefined
    : { tag, start: i, end: i + length }
}

/**
 * The channels an AudioSpecificConfig names: its channel configuration, two for mono with
 * parametric stereo (HE-AAC v2); undefined when the stream names them instead (configuration 0),
 * and for mono followed by more than its GASpecificConfig (an extension after a sync word may
 * add parametric stereo).
 */
export function configuredChannels(config: Uint8Array): number | undefined {
  let bit = 0
  const read = (count: number) => {
    let value = 0
    for (let k = 0; k < count; k++, bit++) {
      const byte = config[bit >> 3]
      if (byte === undefined) throw new RangeError('AudioSpecificConfig ends early')
      value = (value << 1) | ((byte >> (7 - (bit & 7))) & 1)
    }
    return value
  }
  let objectType = read(5)
  if (objectType === 31) objectType = 32 + read(6)
  if (read(4) === 15) read(24)
  const channels = CONFIGURED_CHANNELS[read(4)]
  if (!channels) return undefined
  if (objectType === PARAMETRIC_STEREO && channels === 1) return 2
  // A GASpecificConfig without a core coder is three bits.
  if (channels === 1 && config.length > Math.ceil((bit + 3) / 8)) return undefined
  return channels
}
