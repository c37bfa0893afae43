/// <reference lib="webworker" />
import { wordPauseLevel } from '../../domain/words/audio-words'
import type { ChannelBands } from '../../domain/words/class-words'
import type { Paces, WordJob } from '../../domain/words/time-messages'
import { lanePaces, timeMessage } from '../../domain/words/time-messages'
import type { AudioWords } from '../../domain/words/word-layer'

export type WordRequest =
  | { kind: 'recording'; bands: RecordingBands[] }
  | { kind: 'time'; generation: number; jobs: WordJob[] }

/** One channel's features the word timing reads (`ChannelFeatures`, the MFCCs as `spectralShape`). */
export interface RecordingBands {
  energy: Float32Array
  highEnergy: Float32Array
  shape: Float32Array
}

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

let channels: ChannelBands[] = []
let paces: Paces = {}
let latest = 0

self.onmessage = (event: MessageEvent<WordRequest>) => {
  const request = event.data
  if (request.kind === 'recording') {
    channels = request.bands.map((bands) => ({
      ...bands,
      speechLevelDb: wordPauseLevel(bands.energy),
    }))
    paces = {}
    return
  }
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
    const words = timeMessage(job, channels, paces)
    if (words) timed.push([job.id, words])
  }
  const reply: WordReply = { generation, timed, remaining: jobs.length - next }
  self.postMessage(reply)
  if (next < jobs.length) setTimeout(() => work(generation, jobs, next), 0)
}
