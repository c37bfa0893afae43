import type { Virtualizer } from '@tanstack/react-virtual'
import { expect, test, vi } from 'vitest'
import { scrollListTo } from './first-layout'

function list() {
  const scrollTo = vi.fn()
  const element = { scrollTo } as unknown as HTMLDivElement
  const instance = {
    scrollElement: element,
    options: { horizontal: false, isRtl: false },
  } as unknown as Virtualizer<HTMLDivElement, Element>
  return { scrollTo, instance }
}

test('a new list is not written the top it starts at, and every later write goes through', () => {
  const { scrollTo, instance } = list()
  scrollListTo(0, {}, instance)
  expect(scrollTo).not.toHaveBeenCalled()
  scrollListTo(300, {}, instance)
  scrollListTo(0, {}, instance)
  expect(scrollTo.mock.calls.map(([to]) => (to as { top: number }).top)).toEqual([300, 0])
})

test('a new list scrolled anywhere but the top is written at once', () => {
  const { scrollTo, instance } = list()
  scrollListTo(0, { adjustments: 40 }, instance)
  expect(scrollTo).toHaveBeenCalledWith({ top: 40, behavior: undefined })
})
