import { describe, expect, test } from 'vitest'
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

  test('VAD speech inside a turn is not reported; speech outside every turn is', () => {
    const inTurn = { start: 7.3, end: 8 }
    const alone = { start: 17, end: 17.5 }
    expect(speechOutsideTurns([inTurn, alone], timeline.items)).toEqual([alone])
  })
})
