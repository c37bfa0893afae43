import { splitWords } from '../text'
import type { PlacedWord } from '../timeline'

/** Spreads the words over [start, end] by character count (one extra char per gap). */
export function estimateWords(text: string, start: number, end: number): PlacedWord[] {
  const words = splitWords(text)
  const weights = words.map((w) => w.length + 1)
  const total = weights.reduce((a, b) => a + b, 0)
  const span = Math.max(0, end - start)
  let at = start
  return words.map((text, i) => {
    const length = ((weights[i] ?? 0) / total) * span
    const word = { text, start: at, end: at + length, heard: true }
    at += length
    return word
  })
}
