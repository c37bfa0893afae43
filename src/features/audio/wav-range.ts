import { deinterleave } from '../../domain/audio/wav-format'
import { RangeSink } from '../../domain/audio/range-sink'
import type { DecodeJob } from './decode-protocol'
import { rangeEndS } from './decode-protocol'

/** Frames converted at once: the planes stay small and are used again. */
const BLOCK_FRAMES = 16_384

/** A range of a WAV recording: its samples are parsed here, no decoder involved. */
export async function decodeWavRange(job: Extract<DecodeJob, { kind: 'wav' }>) {
  const { wav } = job
  const bytes = new Uint8Array(await job.bytes.blob.arrayBuffer(), job.bytes.offset, job.length)
  const rate = wav.sampleRate
  const sink = new RangeSink(wav.channels, rate, job.fromS * rate, rangeEndS(job) * rate)
  const planes = Array.from({ length: wav.channels }, () => new Float32Array(BLOCK_FRAMES))
  const blockBytes = BLOCK_FRAMES * wav.blockAlign
  for (let at = 0; at < bytes.byteLength; at += blockBytes) {
    const frames = deinterleave(wav, bytes.subarray(at, at + blockBytes), planes)
    sink.take(planes, frames, job.firstFrame + at / wav.blockAlign)
  }
  return sink.result()
}
