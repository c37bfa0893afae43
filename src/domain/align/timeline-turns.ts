import type { Basis, PlacedItem, Timeline } from '../timeline'
import type { AnchorCertainty, ChannelLayout, TurnToAlign } from './align-call'

const MEASURED: ReadonlySet<Basis> = new Set(['metrics', 'words', 'user_state'])
const ROUGH: ReadonlySet<Basis> = new Set(['created_at', 'created_at_end', 'e2e_latency'])

function isSpoken(item: PlacedItem): item is PlacedItem & { lane: 'user' | 'agent' } {
  return item.type === 'message' && (item.lane === 'user' || item.lane === 'agent')
}

export function anchorCertainty(timeline: Timeline): AnchorCertainty {
  if (!timeline.anchor.estimated) return 'known'
  return timeline.anchor.t0Source === 'first_user_speech' ? 'estimated' : 'guessed'
}

/**
 * A placement that rests on weak clocks is worth aligning as soon as the audio is decoded: a
 * guessed recording start, most messages placed by `created_at` or by order alone, or a mono mix
 * whose start was only estimated.
 */
export function needsAlignment(timeline: Timeline, mono: boolean): boolean {
  const spoken = timeline.items.filter(isSpoken)
  if (spoken.length === 0) return false
  const weak = spoken.filter((i) => !MEASURED.has(i.basis)).length
  const certainty = anchorCertainty(timeline)
  return certainty === 'guessed' || weak * 2 >= spoken.length || (mono && certainty !== 'known')
}

/** The spoken messages of a (base) timeline as the aligner takes them. */
export function turnsToAlign(timeline: Timeline, fixedIds: ReadonlySet<string>): TurnToAlign[] {
  return timeline.items.filter(isSpoken).map((item) => {
    const heard = item.words.filter((w) => w.heard).map((w) => w.text)
    const text = heard.length > 0 ? heard.join(' ') : item.text
    const clock = MEASURED.has(item.basis) ? 'measured' : ROUGH.has(item.basis) ? 'rough' : 'order'
    return {
      id: item.id,
      lane: item.lane,
      start: item.start,
      end: item.end ?? item.start,
      chars: text.replace(/[^\p{L}\p{N}]/gu, '').length,
      interrupted: item.interrupted,
      clock,
      fixed: fixedIds.has(item.id),
    }
  })
}

/** Separated channels give each lane its own signal; anything else is aligned as one mix. */
export function channelLayout(
  channels: number,
  separated: boolean,
  band: Record<'user' | 'agent', number>,
): ChannelLayout {
  return channels >= 2 && separated
    ? { kind: 'stereo', user: band.user, agent: band.agent }
    : { kind: 'mono', channel: 0 }
}
