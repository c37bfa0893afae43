/// <reference lib="webworker" />
import { errorText } from '../../domain/error-text'
import type {
  AlignOptions,
  AlignedTurn,
  ChannelLayout,
  TurnToAlign,
} from '../../domain/align/align-call'
import type { PackedFeatures } from '../../domain/audio/packed-features'
import { unpackFeatures } from '../../domain/audio/packed-features'
import { alignWithSpeechGate } from '../../domain/align/gated-align'
import { fileSpeechJudge } from './judge-speech'

/** What to align, with what: a Blob's handle, so the page copies none of the features. */
export interface AlignRequest {
  features: PackedFeatures
  turns: TurnToAlign[]
  layout: ChannelLayout
  options: AlignOptions
  /** The recording's URL, for the speech model's few probes (read by range, never whole). */
  recording: string
}

export type AlignReply =
  | {
      ok: true
      offset: number
      driftPpm: number
      driftFitted: boolean
      turns: [string, AlignedTurn][]
      /** Stretches of sound the speech model heard, and how many were not speech. */
      judged: number
      rejected: number
      gateError?: string
    }
  | { ok: false; error: string }

/** The alignment runs here so that the page never waits on it. */
self.onmessage = (event: MessageEvent<AlignRequest>) => void align(event.data)

async function align({ features: packed, turns, layout, options, recording }: AlignRequest) {
  try {
    const features = await unpackFeatures(packed)
    const result = await alignWithSpeechGate(
      turns,
      features,
      layout,
      options,
      fileSpeechJudge(new URL(recording, self.location.href).href),
    )
    const reply: AlignReply = {
      ok: true,
      offset: result.offset,
      driftPpm: result.driftPpm,
      driftFitted: result.driftFitted,
      turns: [...result.turns],
      judged: result.judged,
      rejected: result.rejected,
      ...(result.gateError !== undefined ? { gateError: result.gateError } : {}),
    }
    self.postMessage(reply)
  } catch (error) {
    const reply: AlignReply = {
      ok: false,
      error: errorText(error),
    }
    self.postMessage(reply)
  }
}
