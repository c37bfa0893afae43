import { afterEach, expect, test, vi } from 'vitest'
import { usePeaksProgress, whenShown } from './peaks-progress'

afterEach(() => {
  vi.useRealTimers()
  usePeaksProgress.setState({ shown: undefined })
})

test('work waiting for the waveform goes on once it has drawn these peaks whole', async () => {
  const peaks = [new Float32Array(4)]
  let goes = false
  void whenShown(peaks).then(() => (goes = true))
  usePeaksProgress.setState({ shown: [new Float32Array(4)] })
  await Promise.resolve()
  expect(goes).toBe(false)
  usePeaksProgress.setState({ shown: peaks })
  await Promise.resolve()
  expect(goes).toBe(true)
  // Drawn already: at once.
  await whenShown(peaks)
})

test('it waits two seconds at most: no waveform may be drawing them', async () => {
  vi.useFakeTimers()
  let goes = false
  void whenShown([new Float32Array(4)]).then(() => (goes = true))
  await vi.advanceTimersByTimeAsync(1999)
  expect(goes).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(goes).toBe(true)
})
