import { expect, test } from 'vitest'
import { rulerLabel } from './ruler-label'

test('ruler labels read m:ss at every zoom', () => {
  expect(rulerLabel(0)).toBe('0:00')
  expect(rulerLabel(60)).toBe('1:00')
  expect(rulerLabel(120)).toBe('2:00')
  expect(rulerLabel(5)).toBe('0:05')
  expect(rulerLabel(754)).toBe('12:34')
  expect(rulerLabel(1.5)).toBe('0:01.5')
  expect(rulerLabel(59.99)).toBe('1:00')
})
