import { deinterleave } from '../../domain/audio/wav-format'
import type { RangeResult } from '../../domain/audio/range-sink'
import { RangeSink } from '../../domain/audio/range-sink'
import type { DecodeJob } from './decode-protocol'
import { rangeEndS } from './decode-protocol'
import { PartBuffers } from './part-buffers'
import { copyBytes } from './recording-file'

/** Frames converted at once: the planes stay small and are used again. */
const BLOCK_FRAMES = 16_384

/** The parts read last, and a range's bytes: a worker's ranges are read into the same memory. */
const parts = new PartBuffers()
let rangeBytes = new Uint8Array(0)
let blockPlanes: Float32Array[] = []

function planesFor(channels: number): Float32Array[] {
  if (blockPlanes.length !== channels)
    blockPlanes = Array.from({ length: channels }, () => new Float32Array(BLOCK_FRAMES))
  return blockPlanes
}

let queue: Promise<unknown> = Promise.resolve()

/** The range's bytes: its copy, or read from where they lie into the worker's own buffer. */
async function rangeOf({ bytes, recording }: WavJob): Promise<Uint8Array> {
  const length = bytes.end - bytes.start
  if ('copy' in bytes) return new Uint8Array(bytes.copy, 0, length)
  if (rangeBytes.length < length) rangeBytes = new Uint8Array(length)
  await copyBytes(bytes, rangeBytes, parts, (piece) => `${recording}:${piece.at}`)
  return rangeBytes.subarray(0, length)
}

type WavJob = Extract<DecodeJob, { kind: 'wav' }>

/**
 * A range of a WAV recording: its samples are parsed here, no decoder involved. One range at a
 * time: they share the memory they are read into.
 */
export function decodeWavRange(job: WavJob): Promise<RangeResult> {
  const run = queue.then(() => decode(job))
  queue = run.catch(() => {})
  return run
}

async function decode(job: WavJob): Promise<RangeResult> {
  const { wav } = job
  const bytes = await rangeOf(job)
  const rate = wav.sampleRate
  const sink = new RangeSink(wav.channels, rate, job.fromS * rate, rangeEndS(job) * rate)
  const planes = planesFor(wav.channels)
  const blockBytes = BLOCK_FRAMES * wav.blockAlign
  for (let at = 0; at < bytes.byteLength; at += blockBytes) {
    const frames = deinterleave(wav, bytes.subarray(at, at + blockBytes), planes)
    sink.take(planes, frames, job.firstFrame + at / wav.blockAlign)
  }
  return sink.result()
}
