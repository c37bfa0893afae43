import { describe, expect, it } from 'vitest'
import { RecentList } from './recent-list'

describe('RecentList', () => {
  it('keeps the values used last and drops the least recently used', () => {
    const list = new RecentList<number>(2)
    list.add(1)
    list.add(2)
    expect(list.find((n) => n === 1)).toBe(1)
    list.add(3)
    expect(list.find((n) => n === 2)).toBeUndefined()
    expect(list.find((n) => n === 1)).toBe(1)
    expect(list.latest).toBe(1)
  })

  it('finds nothing when empty', () => {
    const list = new RecentList<string>(3)
    expect(list.find(() => true)).toBeUndefined()
    expect(list.latest).toBeUndefined()
  })
})
