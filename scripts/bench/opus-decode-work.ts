/**
 * The decode workers' work on Ogg Opus, timed in Node on one core: libopus at the workers' rate,
 * then the same decoded blocks through the peaks and the alignment features. Shared by
 * `decode-stages.ts` (every stage apart) and the benchmarks' machine record.
 */
import { OpusDecoder } from 'opus-decoder'
import type { FramePower } from '../../src/domain/audio/fft'
import { FeatureAccumulator } from '../../src/domain/audio/features'
import { FFT_SIZE } from '../../src/domain/audio/feature-spec'
import {
  firstAudioPage,
  OggPacketReader,
  parseOpusHead,
  scanOggPages,
} from '../../src/domain/audio/ogg-pages'
import { PeakAccumulator } from '../../src/domain/audio/peaks'
import { OPUS_DECODE_RATE } from '../../src/features/audio/decode-protocol'
import { loadWasmFramePower } from '../../src/features/audio/wasm-frame-power'

export interface Block {
  channelData: Float32Array[]
  length: number
}

export interface DecodedOpus {
  blocks: Block[]
  channels: number
  seconds: number
}

export async function decodeOpusBlocks(
  bytes: Uint8Array,
  sampleRate: 16_000 | 48_000 = OPUS_DECODE_RATE,
): Promise<DecodedOpus> {
  const pages = scanOggPages(bytes)
  const reader = new OggPacketReader()
  const first = pages[0]
  const head = first && parseOpusHead(reader.push(bytes, first)[0] ?? bytes)
  if (!head) throw new Error('not an Ogg Opus stream')
  const decoder = new OpusDecoder({ ...head, preSkip: 0, sampleRate })
  await decoder.ready
  const blocks: Block[] = []
  for (const page of pages.slice(1, firstAudioPage(pages))) reader.push(bytes, page)
  for (const page of pages.slice(firstAudioPage(pages))) {
    const packets = reader.push(bytes, page)
    if (packets.length === 0) continue
    const out = decoder.decodeFrames(packets)
    // The decoder may reuse its output buffers: keep copies for the later stages.
    blocks.push({
      channelData: out.channelData.map((d) => d.slice(0, out.samplesDecoded)),
      length: out.samplesDecoded,
    })
  }
  decoder.free()
  const samples = blocks.reduce((sum, b) => sum + b.length, 0)
  return { blocks, channels: head.channels, seconds: samples / sampleRate }
}

export interface Timing {
  wallS: number
  cpuS: number
}

/** The fastest of `repeat` runs, in wall-clock and in CPU seconds of this process. */
export async function timed(run: () => unknown, repeat: number): Promise<Timing> {
  const best = { wallS: Infinity, cpuS: Infinity }
  for (let i = 0; i < repeat; i++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await run()
    const cpu = process.cpuUsage(cpu0)
    best.wallS = Math.min(best.wallS, (performance.now() - t0) / 1000)
    best.cpuS = Math.min(best.cpuS, (cpu.user + cpu.system) / 1e6)
  }
  return best
}

export function peaksOf({ blocks, channels }: DecodedOpus, rate = OPUS_DECODE_RATE) {
  const peaks = new PeakAccumulator(channels, rate)
  for (const b of blocks) peaks.push(b.channelData, b.length)
  return peaks.result()
}

export function featuresOf(
  { blocks, channels }: DecodedOpus,
  spectrum?: FramePower,
  rate = OPUS_DECODE_RATE,
) {
  const features = new FeatureAccumulator(channels, rate, spectrum)
  for (const b of blocks) features.push(b.channelData, b.length)
  return features.result()
}

/**
 * CPU seconds per audio-hour of the workers' three stages on `bytes` (best of `repeat`), as
 * the workers run them: libopus at their rate, the peaks, the features with the WASM FFT.
 */
export async function workerStagesPerHour(bytes: Uint8Array, repeat = 3) {
  let decoded: DecodedOpus | undefined
  const libopus = await timed(async () => (decoded = await decodeOpusBlocks(bytes)), repeat)
  if (!decoded) throw new Error('nothing decoded')
  const audio = decoded
  const wasm = await loadWasmFramePower(FFT_SIZE)
  if (!wasm) throw new Error('the WASM FFT did not load: the workers’ features cannot be timed')
  const peaks = await timed(() => peaksOf(audio), repeat)
  const features = await timed(() => featuresOf(audio, wasm), repeat)
  const perHour = (t: Timing) => Math.round((t.cpuS * 36_000) / audio.seconds) / 10
  return { libopus: perHour(libopus), peaks: perHour(peaks), features: perHour(features) }
}
