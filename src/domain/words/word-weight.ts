/** Vowel groups, less a silent final "e" ("make", not "table"); a digit counts as one. */
export function syllableCount(word: string): number {
  const lower = word.toLowerCase()
  const letters = lower.replace(/[^a-z]/g, '')
  const vowelGroups = letters.match(/[aeiouy]+/g)?.length ?? 0
  const silentE = vowelGroups > 1 && letters.endsWith('e') && !letters.endsWith('le') ? 1 : 0
  const digits = lower.replace(/[^0-9]/g, '').length
  return Math.max(1, vowelGroups - silentE + digits)
}

/** Relative spoken duration of a word (alignment.md §3.7a). */
export function wordWeight(word: string): number {
  const characters = word.toLowerCase().replace(/[^a-z0-9]/g, '').length
  return 0.3 * syllableCount(word) + 0.055 * characters + 0.04
}

export type BoundaryPunctuation = 'sentence' | 'clause' | 'none'

/** What ends a word: `.?!` close a sentence, `,;:` a clause. */
export function trailingPunctuation(word: string): BoundaryPunctuation {
  const end = word.trimEnd().replace(/["'”’)\]]+$/, '')
  if (/[.?!…]$/.test(end)) return 'sentence'
  if (/[,;:—–-]$/.test(end)) return 'clause'
  return 'none'
}
