import type { ChannelLayout } from '../../domain/align/align-call'
import type { PlacedItem, Timeline } from '../../domain/timeline'
import type { WordJob } from '../../domain/words/time-messages'
import { splitWords } from '../../domain/text'
import type { AudioWordLayer } from '../../domain/words/word-layer'
import { isCurrent } from '../../domain/words/word-layer'
import type { SpokenItem } from '../../domain/word-index'
import { isSpoken } from '../../domain/word-index'
import type { LoadedAudio } from '../../store/call-store'
import { useCallStore } from '../../store/call-store'
import { useReviewStore } from '../../store/review-store'
import { nextTask } from '../loading/next-task'
import { buildViewAhead } from '../loading/view-ahead'
import { NO_AUDIO_WORDS, useWordTimingStore } from '../../store/word-timing-store'
import type { WordReply, WordRequest } from './words.worker'

interface Session {
  worker: Worker
  audio: LoadedAudio
  base: Timeline
  generation: number
  /** Spans asked of the worker in the latest request and not answered yet, by item id. */
  inFlight: Map<string, string>
  /** Words received and not yet in the store (published a task later). */
  unpublished?: AudioWordLayer
}

let session: Session | undefined

/** Messages earlier than this before the playhead wait until the ones ahead are timed. */
const BEHIND_S = 5

export function stopWordTiming() {
  splitTexts.clear()
  session?.worker.terminate()
  session = undefined
  useWordTimingStore.setState({ layer: NO_AUDIO_WORDS, pending: 0 })
}

/**
 * An alignment is about to move the messages: answers for where they sit now would rebuild the
 * page while it runs and be stale when it ends. The next `timeWords` asks again.
 */
export function pauseWordTiming() {
  const current = session
  if (!current || current.inFlight.size === 0) return
  current.generation++
  current.inFlight = new Map()
  useWordTimingStore.setState({ pending: 0 })
  post(current.worker, { kind: 'time', generation: current.generation, jobs: [] })
}

/**
 * Times, in the word worker, the words of every message that has no captured timings and is not
 * timed where it sits now (new, aligned, nudged), the ones at and after the playhead first.
 */
export function timeWords(
  corrected: Timeline,
  base: Timeline,
  audio: LoadedAudio,
  layout: ChannelLayout,
  playhead: number,
) {
  if (!audio.features) return
  if (session?.audio !== audio || session.base !== base) {
    // The recording goes to the new worker in this task, the messages in the next one; what is
    // to come is known now (an export waits for it).
    const started = start(audio, base)
    useWordTimingStore.setState({
      pending: corrected.items.filter((item) => needsTiming(item, NO_AUDIO_WORDS)).length,
    })
    void nextTask().then(() => {
      if (session === started) timeWords(corrected, base, audio, layout, playhead)
    })
    return
  }
  const current = session
  if (!current) return
  const { layer } = useWordTimingStore.getState()
  const jobs: WordJob[] = []
  for (const item of corrected.items) {
    if (!needsTiming(item, layer)) continue
    const channel = layout.kind === 'mono' ? layout.channel : layout[item.lane]
    const words = wordsOf(item.text)
    jobs.push({
      id: item.id,
      words,
      start: item.start,
      end: item.end,
      channel,
      lane: item.lane,
      interrupted: item.interrupted,
    })
  }
  const asked = (job: WordJob) => current.inFlight.get(job.id) === spanKey(job)
  if (jobs.every(asked)) return
  const behind = (job: WordJob) => (job.start < playhead - BEHIND_S ? 1 : 0)
  jobs.sort(
    (a, b) => behind(a) - behind(b) || Math.abs(a.start - playhead) - Math.abs(b.start - playhead),
  )
  current.generation++
  current.inFlight = new Map(jobs.map((job) => [job.id, spanKey(job)]))
  useWordTimingStore.setState({ pending: jobs.length })
  post(current.worker, { kind: 'time', generation: current.generation, jobs })
}

function start(audio: LoadedAudio, base: Timeline): Session {
  stopWordTiming()
  const worker = new Worker(new URL('./words.worker.ts', import.meta.url), { type: 'module' })
  const created: Session = { worker, audio, base, generation: 0, inFlight: new Map() }
  session = created
  worker.onmessage = (event: MessageEvent<WordReply>) => {
    if (session !== created) return
    const reply = event.data
    if (reply.generation !== created.generation) return
    if (reply.timed.length === 0) {
      useWordTimingStore.setState({ pending: reply.remaining })
      return
    }
    const layer = new Map(created.unpublished ?? useWordTimingStore.getState().layer)
    created.unpublished = layer
    for (const [id, words] of reply.timed) {
      layer.set(id, words)
      created.inFlight.delete(id)
    }
    const latest = () => session === created && created.unpublished === layer
    const upcoming = () => {
      const { timeline } = useCallStore.getState()
      const { corrections } = useReviewStore.getState()
      return timeline && { timeline, corrections, words: layer }
    }
    void buildViewAhead(upcoming, latest).then((wanted) => {
      // A later batch, built on this one, publishes both.
      if (!wanted) return
      created.unpublished = undefined
      useWordTimingStore.setState({ layer, pending: reply.remaining })
    })
  }
  // A worker that fails leaves the words estimated; nothing (an export) waits on it forever.
  worker.onerror = () => {
    if (session === created) useWordTimingStore.setState({ pending: 0 })
  }
  if (audio.features) post(worker, { kind: 'recording', features: audio.features })
  return created
}

/** A spoken message without captured words, not timed where it sits now. */
function needsTiming(item: PlacedItem, layer: AudioWordLayer): item is SpokenItem {
  if (!isSpoken(item) || item.wordsSource === 'captured') return false
  return !isCurrent(layer.get(item.id), item)
}

/** Each text split once per call: every request lists every message that moved. */
const splitTexts = new Map<string, string[]>()
function wordsOf(text: string): string[] {
  let words = splitTexts.get(text)
  if (!words) splitTexts.set(text, (words = splitWords(text)))
  return words
}

function post(worker: Worker, request: WordRequest) {
  worker.postMessage(request)
}

function spanKey(job: Pick<WordJob, 'start' | 'end'>): string {
  return `${job.start.toFixed(4)}-${job.end.toFixed(4)}`
}
