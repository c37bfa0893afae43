/**
 * Broad phonetic classes: what a word sounds like at the level energy and the high band can tell
 * apart, whatever the voice. Plain English letter-to-sound rules, no lexicon.
 */
export type BroadClass =
  /** Vowel or diphthong: the loudest, voiced, little high band. */
  | 'vowel'
  /** Nasal, liquid or glide: voiced, quieter than a vowel, little high band. */
  | 'sonorant'
  /** s, sh, f, th, z, v, h, the release of ch and j: high band against low band. */
  | 'fricative'
  /** p, t, k, b, d, g: a closure, near silence. */
  | 'stop'

const DIGRAPHS: Record<string, readonly BroadClass[]> = {
  tch: ['stop', 'fricative'],
  sh: ['fricative'],
  ch: ['stop', 'fricative'],
  th: ['fricative'],
  ph: ['fricative'],
  wh: ['sonorant'],
  ck: ['stop'],
  ng: ['sonorant'],
  qu: ['stop', 'sonorant'],
  gh: [],
}

const LETTER: Record<string, readonly BroadClass[]> = {
  b: ['stop'],
  c: ['stop'],
  d: ['stop'],
  f: ['fricative'],
  g: ['stop'],
  h: ['fricative'],
  j: ['stop', 'fricative'],
  k: ['stop'],
  l: ['sonorant'],
  m: ['sonorant'],
  n: ['sonorant'],
  p: ['stop'],
  q: ['stop'],
  r: ['sonorant'],
  s: ['fricative'],
  t: ['stop'],
  v: ['fricative'],
  w: ['sonorant'],
  x: ['stop', 'fricative'],
  z: ['fricative'],
}

/** A spoken digit, roughly: one syllable between sonorant edges ("one", "nine", "four"). */
const DIGIT: readonly BroadClass[] = ['sonorant', 'vowel', 'sonorant']

const isVowelLetter = (letter: string | undefined) =>
  letter !== undefined && 'aeiou'.includes(letter)

/** The word's classes in order, runs of one class merged: "stops" → fricative stop vowel stop fricative. */
export function broadClasses(word: string): BroadClass[] {
  const lower = word.toLowerCase()
  const letters = lower.replace(/[^a-z]/g, '')
  // A final "e" after a consonant is silent ("make", "phone"), except in "-le" and short words;
  // it still softens the c before it ("nice").
  const spoken =
    letters.length > 3 && /[^aeiouyl]e$/.test(letters) ? letters.length - 1 : letters.length
  const out: BroadClass[] = []
  const digits = lower.replace(/[^0-9]/g, '').length
  for (let d = 0; d < digits; d++) out.push(...DIGIT)
  let i = 0
  while (i < spoken) {
    const letter = letters[i] ?? ''
    const digraph = [3, 2]
      .map((n) => letters.slice(i, Math.min(i + n, spoken)))
      .find((d) => d.length > 1 && d in DIGRAPHS)
    if (digraph !== undefined) {
      out.push(...(DIGRAPHS[digraph] ?? []))
      i += digraph.length
      continue
    }
    const previous = letters[i - 1]
    const next = i + 1 < spoken ? letters[i + 1] : undefined
    if (isVowelLetter(letter) || (letter === 'y' && i > 0)) {
      out.push('vowel')
    } else if (letter === 'r' && isVowelLetter(previous) && !isVowelLetter(next)) {
      // "er", "ar", "or" before a consonant or at the end: a coloured vowel, no consonant.
      out.push('vowel')
    } else if (letter === 'y') {
      out.push('sonorant')
    } else if (letter === 'c' && 'eiy'.includes(letters[i + 1] ?? '-')) {
      out.push('fricative')
    } else if (letter !== previous) {
      out.push(...(LETTER[letter] ?? []))
    }
    i++
  }
  const merged = out.filter((c, k) => k === 0 || c !== out[k - 1])
  return merged.length > 0 ? merged : ['vowel']
}
