import { afterEach, expect, it, vi } from 'vitest'
import { laterRangesMayStart, openingSettled, textsAfterOpening, textsFirst } from './decode-gate'

afterEach(() => void vi.useRealTimers())

function deferred() {
  let resolve: () => void = () => {}
  let reject: (error: Error) => void = () => {}
  const promise = new Promise<void>((done, fail) => ((resolve = done), (reject = fail)))
  return { promise, resolve, reject }
}

/** Whether `promise` has settled once pending timers and microtasks have run. */
async function settled(promise: Promise<unknown>) {
  let done = false
  void promise.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

it('lets the later ranges start at once when no texts are on their way', async () => {
  vi.useFakeTimers()
  expect(await settled(laterRangesMayStart())).toBe(true)
})

it('holds the later ranges until the texts are placed', async () => {
  vi.useFakeTimers()
  const texts = deferred()
  textsFirst(texts.promise)
  const mayStart = laterRangesMayStart(2000)
  expect(await settled(mayStart)).toBe(false)
  await vi.advanceTimersByTimeAsync(1000)
  expect(await settled(mayStart)).toBe(false)
  texts.resolve()
  expect(await settled(mayStart)).toBe(true)
  expect(await settled(laterRangesMayStart())).toBe(true)
})

it('lets them start when the texts fail, or after the longest wait', async () => {
  vi.useFakeTimers()
  const failing = deferred()
  textsFirst(failing.promise)
  const afterFailure = laterRangesMayStart(2000)
  failing.reject(new Error('the history could not be fetched'))
  expect(await settled(afterFailure)).toBe(true)

  textsFirst(new Promise(() => {}))
  const capped = laterRangesMayStart(2000)
  await vi.advanceTimersByTimeAsync(1999)
  expect(await settled(capped)).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(await settled(capped)).toBe(true)
})

it('lets them start once the newest texts are placed, when the ones they waited behind never are', async () => {
  vi.useFakeTimers()
  textsFirst(new Promise(() => {}))
  const mayStart = laterRangesMayStart(2000)
  const texts = deferred()
  textsFirst(texts.promise)
  await vi.advanceTimersByTimeAsync(100)
  expect(await settled(mayStart)).toBe(false)
  texts.resolve()
  expect(await settled(mayStart)).toBe(true)
})

it('holds the texts’ parse until the recording’s first waveform is drawn, or the longest wait', async () => {
  vi.useFakeTimers()
  const capped = textsAfterOpening(2000)
  await vi.advanceTimersByTimeAsync(1999)
  expect(await settled(capped)).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(await settled(capped)).toBe(true)

  const drawn = textsAfterOpening(2000)
  await vi.advanceTimersByTimeAsync(500)
  expect(await settled(drawn)).toBe(false)
  openingSettled()
  expect(await settled(drawn)).toBe(true)
  // Drawn once, it is drawn: texts asked for later are parsed at once.
  expect(await settled(textsAfterOpening(2000))).toBe(true)
})
