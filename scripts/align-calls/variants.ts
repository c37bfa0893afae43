// The input variants a reviewer brings, built from one generated call: which history fields exist,
// which recording (stereo agent file, mono mix), and which metadata anchor it.

import type { GeneratedCall, TruthTurn } from './generate'
import { random } from './generate'

export const VARIANTS = [
  'report_stereo',
  'egress_mono',
  'metrics_no_created_at',
  'created_at_mono',
  'order_mono',
] as const
export type Variant = (typeof VARIANTS)[number]

export interface VariantInputs {
  history: unknown
  egress?: unknown
  /** Channels as the recording holds them (16 kHz). */
  channels: Float32Array[]
  /** Epoch seconds of sample 0 that the inputs imply when read correctly (the truth). */
  t0: number
}

type Json = Record<string, unknown>

export function variantInputs(call: GeneratedCall, variant: Variant): VariantInputs {
  const rnd = random(call.seed * 7 + VARIANTS.indexOf(variant))
  const epoch = (pos: number) => call.t0 + pos / (1 + call.drift)
  const egressDelay = variant === 'egress_mono' ? rnd.uniform(0.05, 0.15) : 0
  const withMetrics =
    variant === 'report_stereo' || variant === 'egress_mono' || variant === 'metrics_no_created_at'
  const withCreatedAt = variant !== 'metrics_no_created_at' && variant !== 'order_mono'
  const items: Json[] = [
    {
      id: `item_${call.seed}_handoff`,
      type: 'agent_handoff',
      new_agent_id: 'support_agent',
      ...(withCreatedAt ? { created_at: epoch(0) + call.startDelay } : {}),
    },
  ]
  for (const turn of call.turns)
    items.push(message(turn, rnd, epoch, { withMetrics, withCreatedAt, egressDelay }))
  const history = { items }
  const mono = variant.endsWith('_mono')
  const channels = mono ? [mixDown(call.user, call.agent)] : [call.user, call.agent]
  if (variant === 'report_stereo') {
    return {
      history: {
        job_id: `AJ_${call.seed}`,
        room_id: `RM_${call.seed}`,
        room: `generated-${call.seed}`,
        events: [],
        audio_recording_path: 'audio.ogg',
        audio_recording_started_at: call.t0,
        options: {},
        chat_history: history,
        timestamp: epoch(call.duration),
        sdk_version: '1.5.2',
      },
      channels,
      t0: call.t0,
    }
  }
  if (variant === 'egress_mono') {
    const ns = (s: number) => String(BigInt(Math.round(s * 1e6)) * 1000n)
    return {
      history,
      egress: {
        egressId: `EG_${call.seed}`,
        roomName: `generated-${call.seed}`,
        status: 'EGRESS_COMPLETE',
        startedAt: ns(call.t0 - 1.2),
        roomComposite: {
          roomName: `generated-${call.seed}`,
          audioOnly: true,
          audioMixing: 'DEFAULT_MIXING',
        },
        fileResults: [
          { filename: 'call.ogg', startedAt: ns(call.t0), duration: ns(call.duration) },
        ],
      },
      channels,
      t0: call.t0,
    }
  }
  return { history, channels, t0: call.t0 }
}

function message(
  turn: TruthTurn,
  rnd: ReturnType<typeof random>,
  epoch: (pos: number) => number,
  o: { withMetrics: boolean; withCreatedAt: boolean; egressDelay: number },
): Json {
  const user = turn.role === 'user'
  const metrics: Json = {}
  if (o.withMetrics) {
    // Biases as real histories show them (alignment.md §1): VAD early for the caller, TTS a bit late.
    const bias = () => (user ? rnd.normal(-0.06, 0.05) : rnd.normal(0.02, 0.015) - o.egressDelay)
    metrics.started_speaking_at = epoch(turn.start) + bias()
    metrics.stopped_speaking_at = epoch(turn.end) + bias()
  }
  const created = user
    ? epoch(turn.end) + rnd.uniform(0.35, 1.6)
    : epoch(turn.start) - rnd.uniform(0.3, 1.3)
  return {
    id: turn.id,
    type: 'message',
    role: turn.role,
    content: [turn.text],
    interrupted: turn.interrupted,
    ...(user ? { transcript_confidence: 0.95 } : {}),
    extra: {},
    metrics,
    ...(o.withCreatedAt ? { created_at: created } : {}),
  }
}

function mixDown(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(Math.max(a.length, b.length))
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0)
  return out
}
