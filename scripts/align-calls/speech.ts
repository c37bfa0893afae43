// Continuous speech for generated calls: each utterance is one espeak-ng run (not word by word),
// converted by sox to 16 kHz float PCM. Results are cached on disk by their arguments.

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

export function speak(cacheDir: string, voice: Voice, text: string): Float32Array {
  mkdirSync(cacheDir, { recursive: true })
  const key = createHash('sha1')
    .update(JSON.stringify([voice, text]))
    .digest('hex')
    .slice(0, 16)
  const raw = join(cacheDir, `${key}.f32`)
  if (!existsSync(raw)) {
    const wav = join(cacheDir, `${key}.wav`)
    const args = ['-v', voice.name, '-s', String(voice.wordsPerMinute), '-p', String(voice.pitch)]
    execFileSync('espeak-ng', [...args, '-w', wav, text])
    const band = voice.phone ? ['sinc', '300-3400'] : []
    execFileSync('sox', [
      ...[
        '-D',
        wav,
        '-t',
        'raw',
        '-e',
        'floating-point',
        '-b',
        '32',
        '-c',
        '1',
        '-r',
        String(RATE),
      ],
      raw,
      ...['rate', '-v', String(RATE), ...band],
    ])
  }
  const bytes = readFileSync(raw)
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice()
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
