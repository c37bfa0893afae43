/// <reference lib="webworker" />
import type {
  AlignOptions,
  AlignedTurn,
  ChannelLayout,
  TurnToAlign,
} from '../../domain/align/align-call'
import { alignWithSpeechGate } from '../../domain/align/gated-align'
import type { FeatureMessage } from './feature-pieces'
import { ReceivedFeatures } from './feature-pieces'
import { fileSpeechJudge } from './judge-speech'

/** Sent after the features (`postFeatures`): what to align them with. */
export interface AlignRequest {
  kind: 'align'
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

const received = new ReceivedFeatures()

/** The alignment runs here so that the page never waits on it. */
self.onmessage = (event: MessageEvent<AlignRequest | FeatureMessage>) => {
  const message = event.data
  if (message.kind === 'align') void align(message)
  else received.receive(message)
}

async function align({ turns, layout, options, recording }: AlignRequest) {
  try {
    const features = received.take()
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
      error: error instanceof Error ? error.message : String(error),
    }
    self.postMessage(reply)
  }
}
