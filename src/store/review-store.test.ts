import { beforeEach, describe, expect, test } from 'vitest'
import { reviewActions, useReviewStore } from './review-store'

/** Node has no localStorage: a Map stands in, as the browser's would across a reload. */
const storage = new Map<string, string>()
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  },
})

describe('review history', () => {
  beforeEach(() => storage.clear())

  test('undo and redo survive a reload of the same call', () => {
    reviewActions.openCall('call-a')
    reviewActions.nudgeGlobal(0.1)
    reviewActions.nudgeLane('agent', 0.2)
    reviewActions.undo()
    reviewActions.openCall('call-b')
    expect(useReviewStore.getState().past).toEqual([])
    reviewActions.openCall('call-a')
    const state = useReviewStore.getState()
    expect(state.corrections.globalOffset).toBe(0.1)
    expect(state.corrections.laneOffsets.agent).toBe(0)
    reviewActions.undo()
    expect(useReviewStore.getState().corrections.globalOffset).toBe(0)
    reviewActions.redo()
    reviewActions.redo()
    expect(useReviewStore.getState().corrections.laneOffsets.agent).toBe(0.2)
  })

  test('corrections saved before the history was kept still load', () => {
    storage.set('turnline:corrections:old', JSON.stringify({ globalOffset: 0.3, nudges: {} }))
    reviewActions.openCall('old')
    const state = useReviewStore.getState()
    expect(state.corrections).toEqual({
      globalOffset: 0.3,
      laneOffsets: { user: 0, agent: 0 },
      nudges: new Map(),
      edges: new Map(),
    })
    expect(state.past).toEqual([])
  })
})

describe('two tabs on one call', () => {
  beforeEach(() => storage.clear())

  test('work in this tab keeps the other tab’s offer, and taking it can be undone', () => {
    reviewActions.openCall('call-a')
    reviewActions.nudgeGlobal(0.1)
    const mine = useReviewStore.getState().corrections
    reviewActions.otherTabSaved({ ...mine, globalOffset: 2 })
    reviewActions.nudgeLane('agent', 0.5)
    expect(useReviewStore.getState().otherTab?.globalOffset).toBe(2)
    reviewActions.takeOtherTab()
    expect(useReviewStore.getState().corrections.globalOffset).toBe(2)
    expect(useReviewStore.getState().otherTab).toBeUndefined()
    reviewActions.undo()
    expect(useReviewStore.getState().corrections).toMatchObject({
      globalOffset: 0.1,
      laneOffsets: { agent: 0.5 },
    })
  })
})
