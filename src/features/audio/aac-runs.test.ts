import { readFileSync } from 'node:fs'
import { afterEach, expect, it, vi } from 'vitest'
import { AAC_FRAMES_PER_CHUNK, aacFramesPerChunk, PROBE_FRAMES } from './aac-runs'
import { mp4Chunks, mp4Samples } from './mp4-range'
import { RecordingReader } from './recording-file'

const FRAME = 1024
const RATE = 48_000

interface Chunk {
  duration: number
  byteLength: number
}

/** How a stand-in decoder treats a chunk of several frames. */
type Takes = 'every frame' | 'the first frame' | 'one frame or fails'

/** A stand-in for WebCodecs' decoder: a chunk's frames are known from its duration. */
function decoderThatTakes(takes: Takes) {
  return class {
    state = 'unconfigured'
    private frames: number[] = []
    private failed = false
    constructor(private readonly init: { output: (data: object) => void; error: () => void }) {}
    configure() {
      this.state = 'configured'
    }
    decode(chunk: Chunk) {
      const frames = Math.max(1, Math.round((chunk.duration / 1e6) * (RATE / FRAME)))
      if (takes === 'one frame or fails' && frames > 1) this.failed = true
      else this.frames.push(takes === 'every frame' ? frames * FRAME : FRAME)
    }
    flush() {
      if (this.failed) return Promise.reject(new Error('EncodingError'))
      for (const numberOfFrames of this.frames) this.init.output({ numberOfFrames, close() {} })
      return Promise.resolve()
    }
    close() {
      this.state = 'closed'
    }
  }
}

class EncodedChunk implements Chunk {
  duration: number
  byteLength: number
  constructor(init: { duration: number; data: Uint8Array }) {
    this.duration = init.duration
    this.byteLength = init.data.byteLength
  }
}

afterEach(() => vi.unstubAllGlobals())

async function probe(takes: Takes) {
  vi.stubGlobal('AudioDecoder', decoderThatTakes(takes))
  vi.stubGlobal('EncodedAudioChunk', EncodedChunk)
  const bytes = readFileSync(new URL('./__fixtures__/onset-at-0.5s.m4a', import.meta.url))
  const file = new RecordingReader({ blob: new Blob([bytes]) })
  const samples = (await mp4Samples(file))!
  const opening = (perChunk: number) =>
    mp4Chunks(file, samples, samples.times[0]!, samples.times[PROBE_FRAMES]!, perChunk)
  return aacFramesPerChunk(opening, { codec: 'mp4a.40.2', sampleRate: RATE, numberOfChannels: 2 })
}

it('hands a decoder that decodes every frame of a chunk several frames a chunk', async () => {
  expect(await probe('every frame')).toBe(AAC_FRAMES_PER_CHUNK)
})

it('hands one frame a chunk to a decoder that decodes only the first of several', async () => {
  expect(await probe('the first frame')).toBe(1)
})

it('hands one frame a chunk to a decoder that fails on several', async () => {
  expect(await probe('one frame or fails')).toBe(1)
})
