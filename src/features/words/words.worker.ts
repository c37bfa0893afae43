/// <reference lib="webworker" />
import { wordPauseLevel } from '../../domain/words/audio-words'
import type { ChannelBands } from '../../domain/words/class-words'
import { spectralShape } from '../../domain/words/class-costs'
import type { Paces, WordJob } from '../../domain/words/time-messages'
import { lanePaces, timeMessage } from '../../domain/words/time-messages'
import type { AudioWords } from '../../domain/words/word-layer'
import type { FeatureMessage } from '../align/feature-pieces'
import { ReceivedFeatures } from '../align/feature-pieces'

/** The recording's features come first, in pieces (`postFeatures`), then `recording-sent`. */
export type WordRequest =
  | FeatureMessage
  | { kind: 'recording-sent' }
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

let received = new ReceivedFeatures()
let channels: ChannelBands[] | undefined
let paces: Paces = {}
let latest = 0
/** A request that came before the recording was whole: it runs once it is. */
let waiting: Extract<WordRequest, { kind: 'time' }> | undefined

self.onmessage = (event: MessageEvent<WordRequest>) => {
  const request = event.data
  if (request.kind === 'features' || request.kind === 'piece') {
    received.receive(request)
    return
  }
  if (request.kind === 'recording-sent') {
    // Only what the word timing reads is kept: the MFCCs as their c1…c3.
    channels = received.take().channels.map(({ energy, highEnergy, mfcc }) => ({
      energy,
      highEnergy,
      shape: spectralShape(mfcc),
      speechLevelDb: wordPauseLevel(energy),
    }))
    received = new ReceivedFeatures()
    paces = {}
    if (waiting) time(waiting)
    waiting = undefined
    return
  }
  if (channels) time(request)
  else waiting = request
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
