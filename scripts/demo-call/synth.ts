// Word-by-word speech synthesis. Each word is synthesized on its own with espeak-ng, resampled to
// 48 kHz and trimmed of leading/trailing silence by sox, then padded to a whole millisecond. So the
// exact length of every word is known, and the layout can place it at an exact sample.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { SAMPLES_PER_MS } from './time.js'

const REQUIRED_TOOLS = ['espeak-ng', 'sox', 'ffmpeg', 'ffprobe']
const SILENCE_THRESHOLD = '-45d'
const FADE_SAMPLES = 96

export interface Voice {
  name: string
  wordsPerMinute: number
}

export function assertToolsInstalled(): void {
  const missing = REQUIRED_TOOLS.filter((tool) => {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' })
      return false
    } catch {
      return true
    }
  })
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.join(', ')}: apt-get install -y espeak-ng sox libsox-fmt-all ffmpeg`,
    )
  }
}

export function toolVersions(): string[] {
  const firstLine = (command: string, args: string[]): string =>
    execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0]?.trim() ?? command
  return [
    firstLine('espeak-ng', ['--version']),
    firstLine('sox', ['--version']),
    firstLine('ffmpeg', ['-version']),
  ]
}

function readFloat32(path: string): Float32Array {
  const bytes = readFileSync(path)
  const samples = new Float32Array(bytes.length / 4)
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readFloatLE(i * 4)
  return samples
}

/** Pads to a whole ms and fades the edges over 2 ms so the cut-out word does not click. */
function finishWord(raw: Float32Array): Float32Array {
  const length = Math.ceil(raw.length / SAMPLES_PER_MS) * SAMPLES_PER_MS
  const word = new Float32Array(length)
  word.set(raw)
  const fade = Math.min(FADE_SAMPLES, Math.floor(raw.length / 2))
  for (let i = 0; i < fade; i++) {
    const gain = i / fade
    word[i] = (word[i] ?? 0) * gain
    word[raw.length - 1 - i] = (word[raw.length - 1 - i] ?? 0) * gain
  }
  return word
}

export class WordSynthesizer {
  private readonly cache = new Map<string, Float32Array>()
  private readonly workDir: string
  private count = 0

  constructor(workDir: string) {
    this.workDir = workDir
  }

  /** Mono 48 kHz float samples of one spoken word, silence trimmed, length a whole ms. */
  synthesize(voice: Voice, text: string): Float32Array {
    const key = `${voice.name}|${text}`
    const cached = this.cache.get(key)
    if (cached) return cached

    const base = join(this.workDir, `word-${String(this.count++).padStart(3, '0')}`)
    const speed = String(voice.wordsPerMinute)
    execFileSync('espeak-ng', ['-v', voice.name, '-s', speed, '-w', `${base}.wav`, text])
    const trim = ['silence', '1', '0.005', SILENCE_THRESHOLD]
    execFileSync('sox', [
      ...['-D', `${base}.wav`],
      ...['-t', 'raw', '-e', 'floating-point', '-b', '32', '-c', '1', '-r', '48000', `${base}.f32`],
      ...['rate', '-v', '48000', ...trim, 'reverse', ...trim, 'reverse'],
    ])
    const word = finishWord(readFloat32(`${base}.f32`))
    if (word.length === 0) throw new Error(`espeak-ng produced no audio for "${text}"`)
    this.cache.set(key, word)
    return word
  }
}
