import type { ChatMessage } from './call'

const EXPRESSIVE_MARKUP = /<\/?expr\b[^>]*>/g

/** formats.md §1.2 and §9.1 step 4: string parts joined by newlines, `<expr …>` tags removed. */
export function messageText(message: ChatMessage): string {
  const text = message.content.filter((part) => typeof part === 'string').join('\n')
  return text
    .replace(EXPRESSIVE_MARKUP, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '')
}

/** Lower-case letters and digits only, for matching words across sources. */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** Share of `a`'s words that also occur in `b` (0..1). */
export function wordOverlap(a: string, b: string): number {
  const aWords = splitWords(a).map(wordKey).filter(Boolean)
  if (aWords.length === 0) return 0
  const bWords = new Set(splitWords(b).map(wordKey))
  return aWords.filter((w) => bWords.has(w)).length / aWords.length
}

export function versionAtLeast(version: string | undefined, minimum: string): boolean {
  if (version === undefined) return false
  const parts = version.split('.').map((p) => parseInt(p, 10))
  const min = minimum.split('.').map((p) => parseInt(p, 10))
  for (let i = 0; i < min.length; i++) {
    const a = parts[i] ?? 0
    const b = min[i] ?? 0
    if (Number.isNaN(a)) return false
    if (a !== b) return a > b
  }
  return true
}
