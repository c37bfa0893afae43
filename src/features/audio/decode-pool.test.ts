import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { textsFirst } from './decode-gate'
import type { PoolRange } from './decode-pool'
import { DecodePool } from './decode-pool'
import type { DecodeJob, DecodeReply } from './decode-protocol'

/** A decode worker that answers every range job at once with an empty range. */
class AnsweringWorker {
  onmessage: ((event: MessageEvent<DecodeReply>) => void) | undefined
  onerror: ((event: ErrorEvent) => void) | undefined
  postMessage(job: DecodeJob | { kind: 'warm-up' }) {
    if (job.kind === 'warm-up') return
    const reply: DecodeReply = {
      id: job.id,
      ok: true,
      kind: 'range',
      range: {
        sampleRate: 16_000,
        startSample: 0,
        samples: 0,
        peaks: [],
        features: { frames: 0, data: new Blob() },
      },
    }
    queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent<DecodeReply>))
  }
  terminate() {}
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('Worker', AnsweringWorker)
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function ranges(count: number): PoolRange[] {
  return Array.from({ length: count }, (_, i) => ({
    fromS: i * 5,
    toS: (i + 1) * 5,
    job: () => ({ kind: 'probe' as const, file: { id: 1, blob: new Blob() } }),
  }))
}

it('places the opening ranges while the later ones wait for the call’s texts', async () => {
  textsFirst(new Promise(() => {}))
  const placed: number[] = []
  const pool = new DecodePool()
  const run = pool.run(ranges(4), (_, index) => placed.push(index))
  await vi.advanceTimersByTimeAsync(100)
  expect(placed.sort()).toEqual([0, 1])
  // The texts never came: the later ranges start after the longest wait.
  await vi.runAllTimersAsync()
  await run
  expect(placed.sort()).toEqual([0, 1, 2, 3])
  pool.terminate()
})
