import { errorText } from '../error-text'
import type { AlignmentFeatures } from '../audio/features'
import type { AlignOptions, CallAlignment, ChannelLayout, TurnToAlign } from './align-call'
import { alignCall, channelSegments } from './align-call'
import type { GateCandidate, SpeechVerdict } from './speech-gate'
import { callGateCandidates } from './speech-gate'

/** Asks a speech model about stretches of sound; resolves to its verdicts. */
export type SpeechJudge = (candidates: readonly GateCandidate[]) => Promise<SpeechVerdict[]>

export interface GatedAlignment extends CallAlignment {
  /** Stretches the speech model was asked about, and how many it found not to be speech. */
  judged: number
  rejected: number
  /** Why the model could not be asked (it failed to load, the audio could not be read). */
  gateError?: string
}

/**
 * `alignCall` with the speech model as a sparse gate (alignment.md §3, step 2): it hears a few
 * probes of the long, steady stretches that energy alone cannot tell from music, and its verdict
 * replaces the dip heuristic's there. No such stretch, no model: the normal path loads nothing.
 * When the model fails, the heuristic decides and the reply says why.
 */
export async function alignWithSpeechGate(
  turns: readonly TurnToAlign[],
  features: AlignmentFeatures,
  layout: ChannelLayout,
  options: AlignOptions,
  judge: SpeechJudge,
): Promise<GatedAlignment> {
  // Found once: the candidates come from the same segments the alignment then uses.
  const segments = channelSegments(features, layout)
  const candidates = callGateCandidates(features, segments)
  let verdicts: SpeechVerdict[] = []
  let gateError: string | undefined
  if (candidates.length > 0) {
    try {
      verdicts = await judge(candidates)
    } catch (error) {
      gateError = errorText(error)
    }
  }
  const result = alignCall(turns, features, layout, { ...options, speech: verdicts, segments })
  return {
    ...result,
    judged: verdicts.length,
    rejected: verdicts.filter((v) => !v.speech).length,
    ...(gateError !== undefined ? { gateError } : {}),
  }
}
