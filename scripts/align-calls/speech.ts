// Continuous speech for generated calls: each utterance is one espeak-ng run (not word by word)
// with its word events, converted by sox to 16 kHz float PCM. Results are cached on disk by their arguments.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const RATE = 16_000

export interface Voice {
  name: string
  wordsPerMinute: number
  pitch: number
  /** Telephone band (300–3400 Hz), as a caller's leg sounds. */
  phone: boolean
}

export function requireTools(): void {
  for (const tool of ['espeak-ng', 'sox']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' })
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y espeak-ng sox`)
    }
  }
}

export interface Utterance {
  samples: Float32Array
  /**
   * Start of each written word (whitespace-separated) in seconds from the first sample, from
   * espeak-ng's own word events; undefined where espeak gave the word no event of its own.
   */
  wordStarts: (number | undefined)[]
}

/** One espeak-ng library run (scripts/words/espeak_words.py), so the word events and the audio agree. */
export function speak(cacheDir: string, voice: Voice, text: string): Utterance {
  mkdirSync(cacheDir, { recursive: true })
  const key = createHash('sha1')
    .update(JSON.stringify(['v2', voice, text]))
    .digest('hex')
    .slice(0, 16)
  const raw = join(cacheDir, `${key}.f32`)
  const dir = join(cacheDir, `${key}.words`)
  if (!existsSync(raw)) {
    mkdirSync(dir, { recursive: true })
    const script = join(import.meta.dirname, '..', 'words', 'espeak_words.py')
    const args = [script, dir, voice.name, String(voice.wordsPerMinute), String(voice.pitch)]
    execFileSync('python3', args, { input: text + '\n' })
    const band = voice.phone ? ['sinc', '300-3400'] : []
    execFileSync('sox', [
      ...['-D', join(dir, '000.wav'), '-t', 'raw', '-e', 'floating-point', '-b', '32', '-c', '1'],
      ...['-r', String(RATE), raw, 'rate', '-v', String(RATE), ...band],
    ])
  }
  const bytes = readFileSync(raw)
  const samples = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice()
  const events = (
    JSON.parse(readFileSync(join(dir, '000.json'), 'utf8')) as { words: [string, number, number][] }
  ).words
  const wordStarts: (number | undefined)[] = []
  const pattern = /\S+/g
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const from = match.index
    const to = from + match[0].length
    wordStarts.push(events.find(([, , at]) => at >= from && at < to)?.[1])
  }
  return { samples, wordStarts }
}

/** First sample louder than 1 % of the clip's peak: where a listener hears the turn begin. */
export function audibleStart(clip: Float32Array): number {
  let peak = 0
  for (const v of clip) peak = Math.max(peak, Math.abs(v))
  const level = peak * 0.01
  const index = clip.findIndex((v) => Math.abs(v) > level)
  return Math.max(0, index)
}

/** Last sample louder than 1 % of the clip's peak. */
export function audibleEnd(clip: Float32Array): number {
  let peak = 0
  for (const v of clip) peak = Math.max(peak, Math.abs(v))
  const level = peak * 0.01
  for (let i = clip.length - 1; i >= 0; i--) if (Math.abs(clip[i]!) > level) return i + 1
  return clip.length
}
