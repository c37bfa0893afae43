import { describe, expect, test } from 'vitest'
import { applyCorrections, NO_CORRECTIONS, nudgeGlobal } from './corrections'
import { placeCall } from './place/place-call'
import { findTalkOver, speechOutsideTurns } from './talk-over'
import { FIXTURE_T0, historyFixture } from './test-fixtures'

const timeline = placeCall({ history: historyFixture('session-report.json') })

describe('talk-over', () => {
  test('the barge-in over the interrupted reply is found, from the user start to the cut', () => {
    const overlaps = findTalkOver(timeline.items)
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0]).toMatchObject({
      userId: 'item_1d8c4a7f3e52',
      agentId: 'item_f41a6c2e9d38',
      bargeIn: true,
    })
    expect(overlaps[0]?.start).toBeCloseTo(1763900032.7011 - FIXTURE_T0, 6)
    expect(overlaps[0]?.end).toBeCloseTo(1763900033.3102 - FIXTURE_T0, 6)
  })

  test('a backchannel from the report events is speech outside turns, and moves with the offset', () => {
    const report = historyFixture('session-report.json')
    const history = {
      ...report,
      events: [
        ...report.events,
        { type: 'user_state_changed', created_at: 1763900016, new_state: 'speaking' },
        { type: 'user_state_changed', created_at: 1763900016.5, new_state: 'listening' },
      ].sort((a, b) => a.created_at - b.created_at),
    }
    const placed = placeCall({ history })
    expect(placed.vad).toHaveLength(6)
    const corrected = applyCorrections(placed, nudgeGlobal(NO_CORRECTIONS, 0.2))
    const outside = speechOutsideTurns(corrected.vad, corrected.items)
    expect(outside).toHaveLength(1)
    expect(outside[0]?.start).toBeCloseTo(1763900016 - FIXTURE_T0 + 0.2, 6)
  })
})
