import { describe, expect, test } from 'vitest'
import { MAX_OFFSET_S, NO_CORRECTIONS, nudgeGlobal, nudgeItem } from './corrections'
import { fromStored, sameCorrections, toStored } from './stored-corrections'

describe('saved corrections', () => {
  test('one absurd value is left out with a sentence; every valid one is kept', () => {
    const restored = fromStored({
      globalOffset: 0.25,
      nudges: { item_a: 0.1, item_b: 1e308, item_c: 'soon', constructor: -0.2 },
    })
    expect(restored?.corrections.globalOffset).toBe(0.25)
    expect([...(restored?.corrections.nudges ?? [])]).toEqual([
      ['item_a', 0.1],
      ['constructor', -0.2],
    ])
    expect(restored?.dropped).toEqual([
      'nudges["item_b"]: 1e+308 s is beyond ±86400 s (a day), left out',
      'nudges["item_c"]: expected a number of seconds, got string',
    ])
  })

  test('a bad global offset keeps the nudges', () => {
    const restored = fromStored({ globalOffset: -1e308, nudges: { item_a: 0.1 } })
    expect(restored?.corrections.globalOffset).toBe(0)
    expect(restored?.corrections.nudges.get('item_a')).toBe(0.1)
    expect(restored?.dropped).toHaveLength(1)
  })

  test('what is not corrections at all restores nothing', () => {
    expect(fromStored([1, 2])).toBeUndefined()
    expect(fromStored(null)).toBeUndefined()
  })

  test('saving and reading again gives the same corrections', () => {
    const c = nudgeItem(nudgeGlobal(NO_CORRECTIONS, 0.3), '__proto__', 0.01)
    const again = fromStored(JSON.parse(JSON.stringify(toStored(c))))
    expect(again && sameCorrections(again.corrections, c)).toBe(true)
  })

  test('nudges clamp at a day instead of overflowing', () => {
    let c = nudgeGlobal(NO_CORRECTIONS, 1e308)
    expect(c.globalOffset).toBe(MAX_OFFSET_S)
    c = nudgeItem(c, 'x', -Infinity)
    expect(c.nudges.get('x')).toBe(-MAX_OFFSET_S)
  })
})
