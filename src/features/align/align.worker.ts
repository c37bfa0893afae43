/// <reference lib="webworker" />
import type {
  AlignOptions,
  AlignedTurn,
  ChannelLayout,
  TurnToAlign,
} from '../../domain/align/align-call'
import { alignCall } from '../../domain/align/align-call'
import type { AlignmentFeatures } from '../../domain/audio/features'

export interface AlignRequest {
  turns: TurnToAlign[]
  features: AlignmentFeatures
  layout: ChannelLayout
  options: AlignOptions
}

export type AlignReply =
  | {
      ok: true
      offset: number
      driftPpm: number
      driftFitted: boolean
      turns: [string, AlignedTurn][]
    }
  | { ok: false; error: string }

/** The alignment runs here so that the page never waits on it. */
self.onmessage = (event: MessageEvent<AlignRequest>) => {
  try {
    const { turns, features, layout, options } = event.data
    const result = alignCall(turns, features, layout, options)
    const reply: AlignReply = {
      ok: true,
      offset: result.offset,
      driftPpm: result.driftPpm,
      driftFitted: result.driftFitted,
      turns: [...result.turns],
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
