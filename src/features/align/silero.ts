import type * as OrtModule from 'onnxruntime-web'
import type { InferenceSession, Tensor } from 'onnxruntime-web'
import { FEATURE_RATE } from '../../domain/audio/features'

/**
 * Silero VAD v5 at 16 kHz (the rate the probes are cut at): 512-sample frames, each with the 64
 * samples before it as context.
 */
const SILERO_RATE = FEATURE_RATE
const FRAME = 512
const CONTEXT = 64
const STATE = 128
/** Probes run side by side as one batch: one model call per frame position, not per probe. */
const BATCH = 32

export interface SpeechModel {
  /** Per probe (16 kHz samples), the speech probability of each 32 ms frame. */
  probabilities(probes: readonly Float32Array[]): Promise<Float32Array[]>
}

type Ort = typeof OrtModule

/**
 * The Silero model through onnxruntime-web's WASM backend, on one thread (no cross-origin
 * isolation needed). `model` is the `.onnx` file's bytes; the caller decides where they come from
 * (the app's own origin in the browser, the package's file in Node).
 */
export async function loadSilero(model: ArrayBuffer | Uint8Array): Promise<SpeechModel> {
  const runtime = await import('onnxruntime-web/wasm')
  runtime.env.wasm.numThreads = 1
  const bytes = model instanceof Uint8Array ? model : new Uint8Array(model)
  const session = await runtime.InferenceSession.create(bytes, { executionProviders: ['wasm'] })
  const rate = new runtime.Tensor('int64', BigInt64Array.from([BigInt(SILERO_RATE)]), [])
  return {
    async probabilities(probes) {
      const out: Float32Array[] = []
      for (let at = 0; at < probes.length; at += BATCH)
        out.push(...(await runBatch(runtime, session, rate, probes.slice(at, at + BATCH))))
      return out
    },
  }
}

async function runBatch(
  ort: Ort,
  session: InferenceSession,
  rate: Tensor,
  probes: readonly Float32Array[],
): Promise<Float32Array[]> {
  const size = probes.length
  const frames = probes.map((p) => Math.floor(p.length / FRAME))
  const most = Math.max(0, ...frames)
  const out = frames.map((n) => new Float32Array(n))
  let state: Tensor = new ort.Tensor('float32', new Float32Array(2 * size * STATE), [
    2,
    size,
    STATE,
  ])
  for (let f = 0; f < most; f++) {
    const input = new Float32Array(size * (FRAME + CONTEXT))
    probes.forEach((probe, b) => {
      const from = f * FRAME - CONTEXT
      for (let i = Math.max(0, -from); i < FRAME + CONTEXT && from + i < probe.length; i++)
        input[b * (FRAME + CONTEXT) + i] = probe[from + i]!
    })
    const result = await session.run({
      input: new ort.Tensor('float32', input, [size, FRAME + CONTEXT]),
      state,
      sr: rate,
    })
    state = result.stateN!
    const speech = result.output!.data as Float32Array
    out.forEach((probe, b) => {
      if (f < probe.length) probe[f] = speech[b]!
    })
  }
  return out
}
