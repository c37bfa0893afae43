import type { MpegFrames } from '../../domain/audio/mpeg-frames'
import { frameCount, MpegFrameScanner, prerollFrame } from '../../domain/audio/mpeg-frames'
import { RangeSink } from '../../domain/audio/range-sink'
import type { DecodeJob, MediaFacts, MediaFile } from './decode-protocol'

/**
 * MP3 (and MP2) through libmpg123 compiled to WASM: for an hour of MP3 it does a third of the
 * work of WebCodecs, which hands over one `AudioData` per 24 ms frame. A worker finds the
 * recording's frames once; each range then reads and decodes only its own frames.
 */

const SCAN_SLICE_BYTES = 4 << 20
/** Frames handed to the decoder at once: its output stays a few hundred KB. */
const FRAMES_PER_CALL = 64

/** The frames of a file that mediabunny recognised as MP3; undefined if none are found. */
export async function mpegFrames(file: MediaFile): Promise<MpegFrames | undefined> {
  const { blob } = file
  const scanner = new MpegFrameScanner()
  while (scanner.next < blob.size) {
    const from = scanner.next
    const slice = blob.slice(from, from + SCAN_SLICE_BYTES)
    scanner.scan(new Uint8Array(await slice.arrayBuffer()), from + SCAN_SLICE_BYTES >= blob.size)
    if (scanner.next <= from) break
  }
  return scanner.frames()
}

export function mpegFacts(frames: MpegFrames): MediaFacts {
  return {
    duration: (frameCount(frames) * frames.samplesPerFrame) / frames.sampleRate,
    channels: frames.channels,
    codec: 'mp3',
  }
}

export async function decodeMpegRange(
  job: Extract<DecodeJob, { kind: 'media' }>,
  frames: MpegFrames,
) {
  const { MPEGDecoder } = await import('mpg123-decoder')
  const { offsets, samplesPerFrame: perFrame, sampleRate: rate } = frames
  const count = frameCount(frames)
  const wanted = Math.min(count, Math.floor((job.fromS * rate) / perFrame))
  const first = prerollFrame(frames, wanted)
  const end = job.last ? count : Math.min(count, Math.ceil((job.toS * rate) / perFrame))
  const base = offsets[first]!
  const bytes = new Uint8Array(await job.file.blob.slice(base, offsets[end]).arrayBuffer())
  const sink = new RangeSink(
    frames.channels,
    rate,
    job.fromS * rate,
    job.last ? Infinity : job.toS * rate,
  )
  // Without gapless trimming every frame yields its whole length, so frame k starts at k × perFrame.
  const decoder = new MPEGDecoder({ enableGapless: false })
  try {
    await decoder.ready
    for (let from = first; from < end; from += FRAMES_PER_CALL) {
      const to = Math.min(end, from + FRAMES_PER_CALL)
      const out = decoder.decode(bytes.subarray(offsets[from]! - base, offsets[to]! - base))
      if (out.samplesDecoded > 0)
        sink.take(out.channelData.slice(0, frames.channels), out.samplesDecoded, from * perFrame)
    }
  } finally {
    decoder.free()
  }
  return sink.result()
}
