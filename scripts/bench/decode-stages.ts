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
import { FFT_SIZE } from '../../src/domain/audio/feature-spec'
import { Resampler } from '../../src/domain/audio/resampler'
import { OPUS_DECODE_RATE } from '../../src/features/audio/decode-protocol'
import { loadWasmFramePower } from '../../src/features/audio/wasm-frame-power'
import {
  decodeOpusBlocks,
  type DecodedOpus,
  featuresOf,
  peaksOf,
  type Timing,
  timed as timedBest,
} from './opus-decode-work'
import { CASES, ensureInputs, INPUTS } from './waveform-inputs'

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))
const timed = (run: () => unknown) => timedBest(run, REPEAT)

function inputFile(): string {
  const given = process.argv[2]
  if (given) return given
  const file = join(INPUTS, 'call-5min.ogg')
  if (!existsSync(file)) ensureInputs(CASES.filter((c) => c.file === 'call-5min.ogg'))
  return file
}

async function main() {
  const file = inputFile()
  const bytes = new Uint8Array(readFileSync(file))
  let decoded: DecodedOpus | undefined
  const libopus = await timed(async () => (decoded = await decodeOpusBlocks(bytes)))
  if (!decoded) return
  const audio = decoded
  const { blocks, channels, seconds: audioS } = audio
  const samples = blocks.reduce((sum, b) => sum + b.length, 0)
  const peaks = await timed(() => peaksOf(audio))
  const features = await timed(() => featuresOf(audio))
  // As the decode workers compute them (`decode.worker.ts`).
  const wasm = await loadWasmFramePower(FFT_SIZE)
  const featuresWasm = wasm && (await timed(() => featuresOf(audio, wasm)))
  // MP3 and AAC decode at 48 kHz: the features resample to 16 kHz first, and the peaks are binned
  // from three times the samples. The same audio decoded at 48 kHz stands for them.
  const at48 = await decodeOpusBlocks(bytes, 48_000)
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
  const features48 = await timed(() => featuresOf(at48, wasm, 48_000))
  const peaks48 = await timed(() => peaksOf(at48, 48_000))
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
