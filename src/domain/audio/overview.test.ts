import { expect, test } from 'vitest'
import { overviewEnvelope, peakScale } from './overview'

test('each column keeps the loudest bin under it', () => {
  const peaks = Float32Array.of(0.1, 0.5, 0.2, 0.9, 0.3, 0.05)
  expect(Array.from(overviewEnvelope(peaks, 3))).toEqual([
    0.5, 0.8999999761581421, 0.30000001192092896,
  ])
  expect(Array.from(overviewEnvelope(peaks, 12)).filter((v) => v > 0)).toHaveLength(6)
  expect(overviewEnvelope(new Float32Array(0), 4)).toEqual(new Float32Array(4))
})

test('the scale is the largest peak of any channel, 1 when silent', () => {
  expect(peakScale([Float32Array.of(0.2), Float32Array.of(0.4, 0.1)])).toBeCloseTo(0.4)
  expect(peakScale([new Float32Array(3)])).toBe(1)
})
