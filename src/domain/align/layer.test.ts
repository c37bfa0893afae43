import { describe, expect, it } from 'vitest'
import type { PlacedItem } from '../timeline'
import type { AlignedTurn } from './align-call'
import type { AlignmentLayer } from './layer'
import { alignItems } from './layer'

function item(id: string, lane: PlacedItem['lane'], start: number): PlacedItem {
  return {
    id,
    type: lane === 'marker' ? 'function_call' : 'message',
    lane,
    text: id,
    interrupted: false,
    start,
    end: lane === 'marker' ? null : start + 1,
    basis: 'created_at',
    words: [],
    wordsEstimated: true,
    wordsSource: 'estimated',
    alternatives: [],
    source: { id, type: 'message', role: 'user', content: [id], interrupted: false, metrics: {} },
  }
}

function layer(turns: [string, AlignedTurn][]): AlignmentLayer {
  return { offset: 0, driftPpm: 0, driftFitted: false, turns: new Map(turns) }
}

const matched = (start: number): AlignedTurn => ({
  start,
  end: start + 1,
  confidence: 0.9,
  status: 'matched',
})

describe('markers under the alignment', () => {
  it('move with the spoken message before them, and the first one before any', () => {
    const items = [
      item('handoff', 'marker', 0.5),
      item('ask', 'user', 1),
      item('tool', 'marker', 2.5),
      item('reply', 'agent', 3),
      item('output', 'marker', 4.5),
    ]
    const kept: AlignedTurn = { ...matched(3), status: 'kept' }
    const placed = alignItems(
      items,
      layer([
        ['ask', matched(3)],
        ['reply', kept],
      ]),
    )
    expect(placed.map((i) => i.start)).toEqual([2.5, 3, 4.5, 3, 4.5])
  })

  it('stay where they are without an alignment', () => {
    const items = [item('tool', 'marker', 2.5)]
    expect(alignItems(items, undefined)[0]!.start).toBe(2.5)
  })
})
