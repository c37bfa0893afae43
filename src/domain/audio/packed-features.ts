import type { AlignmentFeatures, ChannelFeatures } from './features'
import { fromHalves, toHalves } from './half-float'
import { emptyFeatures, FEATURE_FIELDS, PER_FRAME } from './range-assembly'

/** Frames [start, start + frames), stored channel by channel, each in `FEATURE_FIELDS` order. */
export interface FeatureChunk {
  start: number
  frames: number
}

/**
 * A recording's alignment features as one Blob, chunk by chunk as the ranges were decoded (in
 * frame order), each value a half float (22 MB an hour of stereo instead of 45). The bytes stay
 * outside the page's heap: the page only passes the Blob on, to the cache and to the workers,
 * which read the chunks themselves.
 */
export interface PackedFeatures {
  frames: number
  channels: number
  chunks: FeatureChunk[]
  data: Blob
}

const FRAME_VALUES = FEATURE_FIELDS.reduce((n, key) => n + PER_FRAME[key], 0)
const VALUE_BYTES = Uint16Array.BYTES_PER_ELEMENT
const chunkBytes = (chunk: Pick<FeatureChunk, 'frames'>, channels: number) =>
  chunk.frames * channels * FRAME_VALUES * VALUE_BYTES

/** One decode range's features in the chunk layout, packed by the worker that computed them. */
export interface PackedRange {
  frames: number
  data: Blob
}

export function packRange(range: AlignmentFeatures): PackedRange {
  const arrays = range.channels.flatMap((channel) =>
    FEATURE_FIELDS.map((key) => toHalves(channel[key].subarray(0, range.frames * PER_FRAME[key]))),
  )
  return { frames: range.frames, data: new Blob(arrays) }
}

/** Collects the ranges' packed features as they arrive, in any order, and joins them (no copy). */
export class FeaturePacker {
  private readonly parts: { chunk: FeatureChunk; data: Blob }[] = []

  constructor(
    private readonly channels: number,
    private readonly frames: number,
  ) {}

  place(startFrame: number, range: PackedRange) {
    const count = Math.min(range.frames, this.frames - startFrame)
    if (count <= 0) return
    // A range of another channel count cannot be laid out with the rest: its frames stay 0.
    if (range.data.size !== chunkBytes(range, this.channels)) return
    const data = count === range.frames ? range.data : this.clip(range, count)
    this.parts.push({ chunk: { start: startFrame, frames: count }, data })
  }

  /** Undefined until a range brought features. */
  result(): PackedFeatures | undefined {
    if (this.parts.length === 0) return undefined
    const parts = [...this.parts].sort((a, b) => a.chunk.start - b.chunk.start)
    return {
      frames: this.frames,
      channels: this.channels,
      chunks: parts.map((p) => p.chunk),
      data: new Blob(parts.map((p) => p.data)),
    }
  }

  /** The range's first `count` frames: a slice of each of its arrays. */
  private clip(range: PackedRange, count: number): Blob {
    const parts: Blob[] = []
    let at = 0
    for (let c = 0; c < this.channels; c++)
      for (const key of FEATURE_FIELDS) {
        const width = PER_FRAME[key] * VALUE_BYTES
        parts.push(range.data.slice(at, at + count * width))
        at += range.frames * width
      }
    return new Blob(parts)
  }
}

export function packFeatures(features: AlignmentFeatures): PackedFeatures | undefined {
  const packer = new FeaturePacker(features.channels.length, features.frames)
  packer.place(0, packRange(features))
  return packer.result()
}

/** Each chunk's features, read from the Blob one chunk at a time. */
export async function* featureChunks(
  packed: PackedFeatures,
): AsyncGenerator<{ chunk: FeatureChunk; channels: ChannelFeatures[] }> {
  let offset = 0
  for (const chunk of packed.chunks) {
    const bytes = chunkBytes(chunk, packed.channels)
    const buffer = await packed.data.slice(offset, offset + bytes).arrayBuffer()
    offset += bytes
    let at = 0
    const view = (width: number) => {
      const halves = new Uint16Array(buffer, at, chunk.frames * width)
      at += halves.byteLength
      return fromHalves(halves)
    }
    // In the order `packRange` wrote them.
    const channels = Array.from({ length: packed.channels }, () => {
      const channel = {} as ChannelFeatures
      for (const key of FEATURE_FIELDS) channel[key] = view(PER_FRAME[key])
      return channel
    })
    yield { chunk, channels }
  }
}

/** The whole recording's features, as the aligner reads them. */
export async function unpackFeatures(packed: PackedFeatures): Promise<AlignmentFeatures> {
  const features = emptyFeatures(packed.channels, packed.frames)
  for await (const { chunk, channels } of featureChunks(packed))
    channels.forEach((source, c) => {
      const target = features.channels[c]
      if (!target) return
      for (const key of FEATURE_FIELDS) target[key].set(source[key], chunk.start * PER_FRAME[key])
    })
  return features
}
