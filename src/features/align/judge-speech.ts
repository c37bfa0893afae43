import type { SpeechJudge } from '../../domain/align/gated-align'
import type { GateCandidate } from '../../domain/align/speech-gate'
import { verdicts } from '../../domain/align/speech-gate'
import type { SpeechModel } from './silero'
import { loadSilero } from './silero'

let model: Promise<SpeechModel> | undefined

/**
 * The speech model, loaded on first use: onnxruntime's WASM (14.8 MB) and Silero v5 (2.3 MB) are
 * assets of the app's own origin, fetched only when a call has stretches to judge.
 */
function silero(): Promise<SpeechModel> {
  model ??= (async () => {
    const { default: modelUrl } = await import('@ricky0123/vad-web/dist/silero_vad_v5.onnx?url')
    const response = await fetch(modelUrl)
    if (!response.ok) throw new Error(`speech model: HTTP ${response.status}`)
    return loadSilero(await response.arrayBuffer())
  })()
  model.catch(() => (model = undefined))
  return model
}

/** Judges stretches of `file` (any format the decoders read) with the speech model. */
export function fileSpeechJudge(file: Blob | string): SpeechJudge {
  return async (candidates: readonly GateCandidate[]) => {
    const { probesFromFile } = await import('./probe-file')
    const [speech, probes] = await Promise.all([silero(), probesFromFile(file, candidates)])
    return verdicts(candidates, await speech.probabilities(probes))
  }
}
