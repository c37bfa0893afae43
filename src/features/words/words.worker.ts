/// <reference lib="webworker" />
import type { PackedFeatures } from '../../domain/audio/packed-features'
import type { ChannelBands } from '../../domain/words/class-words'
import type { Paces, WordJob } from '../../domain/words/time-messages'
import { lanePaces, timeMessage } from '../../domain/words/time-messages'
import type { AudioWords } from '../../domain/words/word-layer'
import { readChannelBands } from './channel-bands'

/** The recording's features (a Blob's handle) come first; requests before they are read wait. */
export type WordRequest =
  | { kind: 'recording'; features: PackedFeatures }
  | { kind: 'time'; generation: number; jobs: WordJob[] }

export interface WordReply {
  generation: number
  timed: [string, AudioWords][]
  /** Messages of this request still to come. */
  remaining: number
}

/** The first reply comes this soon, so the playing message shows before a long call is done. */
const FIRST_SLICE_MS = 30
/** Later replies are rarer: each one rebuilds the corrected timeline on the page. */
const SLICE_MS = 500

let channels: ChannelBands[] | undefined
let paces: Paces = {}
let latest = 0
/** A request that came before the recording's features were read: it runs once they are. */
let waiting: Extract<WordRequest, { kind: 'time' }> | undefined

self.onmessage = (event: MessageEvent<WordRequest>) => {
  const request = event.data
  if (request.kind === 'recording')
    read(request.features).catch((error: unknown) => {
      // Thrown outside the promise, so the page's onerror hears of it and stops waiting.
      setTimeout(() => {
        throw error
      })
    })
  else if (channels) time(request)
  else waiting = request
}

async function read(features: PackedFeatures) {
  channels = await readChannelBands(features)
  paces = {}
  if (waiting) time(waiting)
  waiting = undefined
}

function time(request: Extract<WordRequest, { kind: 'time' }>) {
  latest = request.generation
  paces = lanePaces(request.jobs, paces)
  work(request.generation, request.jobs, 0)
}

/** Works through the jobs in slices, yielding between them so that a newer request wins. */
function work(generation: number, jobs: readonly WordJob[], from: number) {
  if (generation !== latest) return
  const began = performance.now()
  const timed: [string, AudioWords][] = []
  let next = from
  const slice = from === 0 ? FIRST_SLICE_MS : SLICE_MS
  while (next < jobs.length && performance.now() - began < slice) {
    const job = jobs[next++] as WordJob
    const words = timeMessage(job, channels ?? [], paces)
    if (words) timed.push([job.id, words])
  }
  const reply: WordReply = { generation, timed, remaining: jobs.length - next }
  self.postMessage(reply)
  if (next < jobs.length) setTimeout(() => work(generation, jobs, next), 0)
}
