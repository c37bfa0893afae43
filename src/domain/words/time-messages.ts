import type { MessageSpan } from './audio-words'
import { heardWordCount, speakingPace } from './audio-words'
import type { ChannelBands } from './class-words'
import { classWordStarts } from './class-words'
import type { AudioWords } from './word-layer'
import { audioWords } from './word-layer'

/** A message for the word worker: its span, its lane, and whether the reply was cut off. */
export interface WordJob extends MessageSpan {
  lane: 'user' | 'agent'
  interrupted: boolean
}

export type Paces = Partial<Record<WordJob['lane'], number>>

const MIN_MESSAGES_FOR_PACE = 3

/** Each lane's pace from the complete messages among `jobs`, else the one known before. */
export function lanePaces(jobs: readonly WordJob[], previous: Paces): Paces {
  const paces: Paces = { ...previous }
  for (const lane of ['user', 'agent'] as const) {
    const complete = jobs.filter((j) => j.lane === lane && !j.interrupted)
    if (complete.length < MIN_MESSAGES_FOR_PACE) continue
    const pace = speakingPace(complete.map((j) => ({ words: j.words, seconds: j.end - j.start })))
    if (pace !== undefined) paces[lane] = pace
  }
  return paces
}

/**
 * One message's audio words (broad phonetic class alignment over the energy method); an
 * interrupted one keeps only the words its span had time for.
 */
export function timeMessage(job: WordJob, channels: readonly ChannelBands[], paces: Paces) {
  const pace = paces[job.lane]
  const heard =
    job.interrupted && pace !== undefined
      ? heardWordCount(job.words, job.end - job.start, pace)
      : job.words.length
  const starts = classWordStarts({ ...job, words: job.words.slice(0, heard) }, channels)
  if (starts.length === 0) return undefined
  return audioWords(job.start, job.end, starts) satisfies AudioWords
}
