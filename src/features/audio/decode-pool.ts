import type { TimeRange } from '../../domain/audio/decode-ranges'
import { nextRange, OPENING_RANGES } from '../../domain/audio/decode-ranges'
import { decodeFocus } from './decode-focus'
import { laterRangesMayStart } from './decode-gate'
import { logDecodeJob } from './decode-log'
import type { DecodeJob, DecodeReply, RangeReply, WarmUp } from './decode-protocol'
import { jobTransfers, summarize } from './decode-protocol'

export const POOL_SIZE = 2

type JobWithoutId = DecodeJob extends infer J
  ? J extends DecodeJob
    ? Omit<J, 'id'>
    : never
  : never

export interface PoolRange extends TimeRange {
  /** Made when the range is handed out, so its bytes are read only then. */
  job: () => JobWithoutId | Promise<JobWithoutId>
}

export interface RunOptions {
  /** Gets back the buffers jobs' bytes were copied into. */
  spent?: (buffer: ArrayBuffer) => void
}

/** Workers started before their pool; the next pool takes them. */
let warm: Worker[] = []

/**
 * Starts the decode workers, and has them compile libopus, as soon as a decode is likely to be
 * needed, so that their start overlaps reading and scanning the recording.
 */
export function warmDecodeWorkers() {
  if (warm.length === 0) warm = Array.from({ length: POOL_SIZE }, startWorker)
}

function startWorker(): Worker {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' })
  const warmUp: WarmUp = { kind: 'warm-up' }
  worker.postMessage(warmUp)
  return worker
}

/**
 * Decode workers for one recording. Ranges are handed out one at a time per worker, the one
 * under the reviewer's view first; `terminate` stops everything at once.
 */
export class DecodePool {
  private readonly workers: Worker[]
  private nextId = 1
  private stopped = false
  /** Ranges handed out so far, over every run: the first `OPENING_RANGES` are the opening ones. */
  private handedOut = 0

  constructor(size = POOL_SIZE) {
    const taken = warm.splice(0, size)
    this.workers = [...taken, ...Array.from({ length: size - taken.length }, startWorker)]
  }

  /** Runs one job on the first worker (a probe). */
  request(job: JobWithoutId): Promise<DecodeReply> {
    const worker = this.workers[0]
    if (!worker) return Promise.reject(new Error('no decode worker'))
    return this.call(worker, job)
  }

  /** Resolves when every range is decoded; rejects on the first failure. */
  async run(
    ranges: readonly PoolRange[],
    onRange: (range: RangeReply, index: number) => void,
    { spent }: RunOptions = {},
  ) {
    const pending = ranges.map((range, index) => ({ ...range, index }))
    const take = async () => {
      // Past the opening ranges, the call's texts go first (see `decode-gate`).
      if (this.handedOut >= OPENING_RANGES && pending.length > 0) await laterRangesMayStart()
      const [range] = pending.splice(nextRange(pending, decodeFocus()), 1)
      if (!range) return undefined
      this.handedOut += 1
      const job = Promise.resolve(range.job())
      // Awaited in turn; a run that fails first leaves it unread.
      job.catch(() => {})
      return { range, job }
    }
    const loop = async (worker: Worker) => {
      // A worker's next range is read (a ranged read of a link, a part of a download) while it
      // decodes this one.
      let next = await take()
      while (next && !this.stopped) {
        const { range, job } = next
        const ready = await job
        // Placed as soon as it comes: the next range may wait for the call's texts (`take`).
        const placed = this.call(worker, ready).then((reply) => {
          if (!reply.ok) throw new Error(reply.error)
          if (reply.kind !== 'range') return
          if (reply.spent) spent?.(reply.spent)
          onRange(reply.range, range.index)
        })
        // Its failure is thrown below; until then it must not go unhandled.
        placed.catch(() => {})
        next = await take()
        await placed
      }
    }
    await Promise.all(this.workers.map(loop))
  }

  terminate() {
    this.stopped = true
    for (const worker of this.workers) worker.terminate()
  }

  private call(worker: Worker, partial: JobWithoutId): Promise<DecodeReply> {
    const job: DecodeJob = { ...partial, id: this.nextId++ }
    logDecodeJob(summarize(job))
    return new Promise<DecodeReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<DecodeReply>) => resolve(event.data)
      worker.onerror = (event) => reject(new Error(event.message || 'decode worker failed'))
      worker.postMessage(job, jobTransfers(job))
    })
  }
}
