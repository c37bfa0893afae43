/// <reference lib="webworker" />
import { errorText } from '../../domain/error-text'
import { OpusDecoder } from 'opus-decoder'
import { useFramePower } from '../../domain/audio/feature-sink'
import { FFT_SIZE } from '../../domain/audio/feature-spec'
import { packRange } from '../../domain/audio/packed-features'
import type { RangeResult } from '../../domain/audio/range-sink'
import { RangeSink } from '../../domain/audio/range-sink'
import type { DecodeJob, DecodeReply, RangeReply, WarmUp } from './decode-protocol'
import { OPUS_DECODE_RATE } from './decode-protocol'
import { decodeOggPages } from './ogg-range'
import { workerOpusDecoder } from './worker-opus'
import { decodeMpegRange, mpegFacts, scannedMpeg } from './mpeg-range'
import { decodeWavRange } from './wav-range'
import { loadWasmFramePower } from './wasm-frame-power'

/**
 * One of the decode workers: decodes the ranges it is given and sends back only their peaks and
 * alignment features (packed into a Blob here), never samples. Ogg/Opus goes to libopus (WASM),
 * a WAV range's samples are parsed here, an MP3's frames go to libmpg123 (`mpeg-range`), and
 * everything else goes to mediabunny (`media-range`).
 */
/** Seconds of noise the range code is run on as the worker starts (see `warmRangeCode`). */
const WARM_UP_SECONDS = 4

/** The features' FFT, loaded as the worker starts; every range waits for it, so all use one. */
const framePower = loadWasmFramePower(FFT_SIZE).then(
  (spectrum) => spectrum && useFramePower(spectrum),
)

self.onmessage = (event: MessageEvent<DecodeJob | WarmUp>) => {
  // A failed warm-up fails the first job too (its decoder needs the same module), which reports it.
  if (event.data.kind === 'warm-up') warmUp().catch(() => {})
  else void handle(event.data)
}

/**
 * Readies the worker ahead of the first range: compiles libopus (every decoder made later reuses
 * the compiled module) and, while that compiles, runs the peaks and features over noise.
 */
async function warmUp() {
  const compiled = compileOpus()
  await framePower
  warmRangeCode()
  await compiled
}

async function compileOpus() {
  const decoder = new OpusDecoder({
    channels: 2,
    streamCount: 1,
    coupledStreamCount: 1,
    channelMappingTable: [0, 1],
    preSkip: 0,
    sampleRate: OPUS_DECODE_RATE,
  })
  await decoder.ready
  decoder.free()
}

async function handle(job: DecodeJob) {
  try {
    await framePower
    const reply = await run(job)
    const transfers =
      reply.ok && reply.kind === 'range'
        ? [...reply.range.peaks.map((p) => p.buffer), ...(reply.spent ? [reply.spent] : [])]
        : []
    self.postMessage(reply, transfers)
  } catch (error) {
    const reply: DecodeReply = {
      id: job.id,
      ok: false,
      error: errorText(error),
    }
    self.postMessage(reply)
  }
}

async function run(job: DecodeJob): Promise<DecodeReply> {
  if (job.kind === 'ogg-opus')
    return { id: job.id, ok: true, kind: 'range', range: packed(await decodeOggRange(job)) }
  if (job.kind === 'wav') {
    const range = packed(await decodeWavRange(job))
    const spent = 'copy' in job.bytes ? { spent: job.bytes.copy } : {}
    return { id: job.id, ok: true, kind: 'range', range, ...spent }
  }
  const mpeg = job.file.mpeg && (await scannedMpeg(job.file))
  if (mpeg && job.kind === 'probe')
    return {
      id: job.id,
      ok: true,
      kind: 'probe',
      facts: { ...mpegFacts(mpeg.frames), frames: mpeg.frames },
    }
  if (mpeg && job.kind === 'media') {
    const range = await decodeMpegRange(job, mpeg.frames, mpeg.reader, mpeg.whole)
    return { id: job.id, ok: true, kind: 'range', range: packed(range) }
  }
  // mediabunny is only fetched for the formats that need it.
  const media = await import('./media-range')
  if (job.kind === 'probe')
    return { id: job.id, ok: true, kind: 'probe', facts: await media.probeMedia(job.file) }
  return { id: job.id, ok: true, kind: 'range', range: packed(await media.decodeMediaRange(job)) }
}

/**
 * Straight after a worker starts its JavaScript is interpreted: a first range's peaks and
 * features then took 150–200 ms where the same ones later take 10 ms. Running them once on a few
 * seconds of noise has them compiled before the first range comes.
 */
function warmRangeCode() {
  const channels = 2
  const length = WARM_UP_SECONDS * OPUS_DECODE_RATE
  let seed = 1
  const noise = Array.from({ length: channels }, () =>
    Float32Array.from({ length }, () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5),
  )
  const sink = new RangeSink(channels, OPUS_DECODE_RATE, 0, length)
  for (let at = 0; at < length; at += OPUS_DECODE_RATE) {
    const block = noise.map((d) => d.subarray(at, at + OPUS_DECODE_RATE))
    sink.take(block, Math.min(OPUS_DECODE_RATE, length - at), at)
  }
  packed(sink.result())
}

function packed(range: RangeResult): RangeReply {
  return { ...range, features: packRange(range.features) }
}

async function decodeOggRange(job: Extract<DecodeJob, { kind: 'ogg-opus' }>) {
  return decodeOggPages(await workerOpusDecoder(job.head), job.head.channels, job)
}
