import type { WordsSource } from '../../domain/timeline'

/** What the reviewer reads for each kind of word timing (word-timing.md). */
export const WORDS_SOURCE_LABEL: Record<WordsSource, { short: string; help: string }> = {
  captured: {
    short: 'words captured',
    help: 'Word times captured during the call (TimedStrings)',
  },
  audio: {
    short: 'words timed from audio',
    help: 'No word timings captured: each word is placed from the pauses and loudness in the recording (about 0.1 s off on average)',
  },
  estimated: {
    short: 'words estimated',
    help: 'No word timings captured: words are spread over the message by their length',
  },
}
