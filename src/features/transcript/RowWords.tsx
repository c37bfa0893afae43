import { memo } from 'react'
import type { PlacedItem, PlacedWord } from '../../domain/timeline'

interface Props {
  words: readonly PlacedWord[]
  source: PlacedItem['wordsSource']
}

/**
 * A message's words, one span each. Their times are not in the DOM: every new placement (an
 * alignment, a nudge, a batch of words timed from the audio) moves them, and rewriting two
 * attributes on every shown word was most of the commit. The karaoke highlight finds a word by its
 * index, and a click reads its time from the item.
 */
export const RowWords = memo(function RowWords({ words, source }: Props) {
  return (
    <p className={`words words-${source}`} data-words-source={source}>
      {words.map((word, w) => (
        <span key={w} data-w={w} className={word.heard ? undefined : 'unheard'}>
          {word.text}{' '}
        </span>
      ))}
    </p>
  )
}, sameWordsShown)

/** The same text, source and heard flags: what the spans show, whatever the times. */
function sameWordsShown(before: Props, after: Props): boolean {
  if (before.source !== after.source) return false
  if (before.words === after.words) return true
  if (before.words.length !== after.words.length) return false
  return before.words.every((word, w) => {
    const other = after.words[w]
    return other !== undefined && other.text === word.text && other.heard === word.heard
  })
}
