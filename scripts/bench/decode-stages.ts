/**
 * The decode pass's stages timed apart in Node, one core: libopus at 16 kHz, the peaks and the
 * alignment features (with JavaScript's FFT and with the workers' WASM one), each fed the same
 * decoded blocks the workers feed them; then the same for audio at 48 kHz, as MP3 and AAC decode
 * (resampled to 16 kHz for the features). Prints seconds per audio-hour. `npx tsx scripts/bench/decode-stages.ts [file.ogg]`; defaults to the waveform
 * benchmark's 5 min Opus input (made from its 1 h file with ffmpeg if missing).
 * `BENCH_REPEAT=3` (default) times each stage that many times and keeps the fastest. On a shared
 * machine read the CPU column: it counts only the time this process ran.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OpusDecoder } from 'opus-decoder'
import type { FramePower } from '../../src/domain/audio/fft'
import { FeatureAccumulator } from '../../src/domain/audio/features'
import { FFT_SIZE } from '../../src/domain/audio/feature-spec'
import { Resampler } from '../../src/domain/audio/resampler'
import {
  firstAudioPage,
  OggPacketReader,
  parseOpusHead,
  scanOggPages,
} from '../../src/domain/audio/ogg-pages'
import { PeakAccumulator } from '../../src/domain/audio/peaks'
import { OPUS_DECODE_RATE } from '../../src/features/audio/decode-protocol'
import { loadWasmFramePower } from '../../src/features/audio/wasm-frame-power'
import { CASES, ensureInputs, INPUTS } from './waveform-inputs'

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))

interface Block {
  channelData: Float32Array[]
  length: number
}

function inputFile(): string {
  const given = process.argv[2]
  if (given) return given
  const file = join(INPUTS, 'call-5min.ogg')
  if (!existsSync(file)) ensureInputs(CASES.filter((c) => c.file === 'call-5min.ogg'))
  return file
}

async function decodeAll(
  bytes: Uint8Array,
  sampleRate: 16_000 | 48_000 = OPUS_DECODE_RATE,
): Promise<{ blocks: Block[]; channels: number }> {
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
  return { blocks, channels: head.channels }
}

interface Timing {
  wallS: number
  cpuS: number
}

/** The fastest of `REPEAT` runs, in wall-clock and in CPU seconds of this process. */
async function timed(run: () => unknown): Promise<Timing> {
  const best = { wallS: Infinity, cpuS: Infinity }
  for (let i = 0; i < REPEAT; i++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await run()
    const cpu = process.cpuUsage(cpu0)
    best.wallS = Math.min(best.wallS, (performance.now() - t0) / 1000)
    best.cpuS = Math.min(best.cpuS, (cpu.user + cpu.system) / 1e6)
  }
  return best
}

async function main() {
  const file = inputFile()
  const bytes = new Uint8Array(readFileSync(file))
  let decoded: Awaited<ReturnType<typeof decodeAll>> | undefined
  const libopus = await timed(async () => (decoded = await decodeAll(bytes)))
  if (!decoded) return
  const { blocks, channels } = decoded
  const samples = blocks.reduce((sum, b) => sum + b.length, 0)
  const audioS = samples / OPUS_DECODE_RATE
  const peaks = await timed(() => {
    const peaks = new PeakAccumulator(channels, OPUS_DECODE_RATE)
    for (const b of blocks) peaks.push(b.channelData, b.length)
    peaks.result()
  })
  const featuresWith = (spectrum?: FramePower) =>
    timed(() => {
      const features = new FeatureAccumulator(channels, OPUS_DECODE_RATE, spectrum)
      for (const b of blocks) features.push(b.channelData, b.length)
      features.result()
    })
  const features = await featuresWith()
  // As the decode workers compute them (`decode.worker.ts`).
  const wasm = await loadWasmFramePower(FFT_SIZE)
  const featuresWasm = wasm && (await featuresWith(wasm))
  // MP3 and AAC decode at 48 kHz: the features resample to 16 kHz first, and the peaks are binned
  // from three times the samples. The same audio decoded at 48 kHz stands for them.
  const at48 = await decodeAll(bytes, 48_000)
  const resampler = await timed(() => {
    for (let c = 0; c < channels; c++) {
      const resampler = new Resampler(48_000)
      let out = new Float32Array(0)
      for (const b of at48.blocks) {
        if (out.length < resampler.capacity(b.length))
          out = new Float32Array(resampler.capacity(b.length))
        resampler.push(b.channelData[c]!, b.length, out)
      }
    }
  })
  const features48 = await timed(() => {
    const features = new FeatureAccumulator(channels, 48_000, wasm)
    for (const b of at48.blocks) features.push(b.channelData, b.length)
    features.result()
  })
  const peaks48 = await timed(() => {
    const peaks = new PeakAccumulator(channels, 48_000)
    for (const b of at48.blocks) peaks.push(b.channelData, b.length)
    peaks.result()
  })
  const perHour = (s: number) => `${((s * 3600) / audioS).toFixed(2)} s`
  const row = (t: Timing) => ({
    'wall per audio-hour': perHour(t.wallS),
    'CPU per audio-hour': perHour(t.cpuS),
  })
  const frames = Math.ceil(samples / (OPUS_DECODE_RATE / 100)) * channels
  console.log(`${file}: ${audioS.toFixed(0)} s of ${channels}-channel audio, best of ${REPEAT}`)
  const featureRow = (t: Timing) => ({
    ...row(t),
    'CPU µs per frame and channel': ((t.cpuS * 1e6) / frames).toFixed(1),
  })
  console.table({
    libopus: row(libopus),
    peaks: row(peaks),
    'features, JavaScript FFT': featureRow(features),
    ...(featuresWasm && { 'features, WASM FFT (the workers’)': featureRow(featuresWasm) }),
    'from 48 kHz: resampling to 16 kHz': row(resampler),
    'from 48 kHz: features (resampling included)': featureRow(features48),
    'from 48 kHz: peaks': row(peaks48),
  })
}

await main()
