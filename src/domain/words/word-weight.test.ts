import { describe, expect, it } from 'vitest'
import { syllableCount, trailingPunctuation, wordWeight } from './word-weight'

describe('word weights', () => {
  it('counts syllables by vowel groups, without a silent final e', () => {
    expect(
      ['a', 'cat', 'make', 'table', 'beautiful', 'rhythm', '42', 'B2B'].map(syllableCount),
    ).toEqual([1, 1, 1, 2, 3, 1, 2, 1])
  })
  it('weighs 0.30 per syllable, 0.055 per letter, plus 0.04', () => {
    expect(wordWeight('table,')).toBeCloseTo(0.3 * 2 + 0.055 * 5 + 0.04)
  })
  it('tells sentence, clause and no punctuation apart', () => {
    expect(['done.', 'why?"', 'well,', 'so:', 'and'].map(trailingPunctuation)).toEqual([
      'sentence',
      'sentence',
      'clause',
      'clause',
      'none',
    ])
  })
})
