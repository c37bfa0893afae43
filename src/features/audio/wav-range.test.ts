import { expect, it } from 'vitest'
import { wavBytes } from '../../domain/audio/wav-bytes.fixture'
import { readWavFormat, wavByteRange } from '../../domain/audio/wav-format'
import type { RecordingFile } from './recording-file'
import { bytesAt } from './recording-file'
import { inParts } from './recording-file.fixture'
import { decodeWavRange } from './wav-range'

const RATE = 16_000
const SECONDS = 7

/** A tone on the left and noise on the right, as 16-bit stereo. */
function recording(): Uint8Array<ArrayBuffer> {
  const view = new DataView(new ArrayBuffer(RATE * SECONDS * 4))
  for (let i = 0; i < RATE * SECONDS; i++) {
    view.setInt16(i * 4, Math.round(12000 * Math.sin(i / 7) * (i % RATE < 8000 ? 1 : 0.2)), true)
    view.setInt16(i * 4 + 2, Math.round(4000 * Math.sin(i * 0.37) * Math.cos(i / 3100)), true)
  }
  return wavBytes({ channels: 2, rate: RATE, bits: 16, data: new Uint8Array(view.buffer) })
}

function job(
  file: Uint8Array,
  recording: RecordingFile,
  fromS: number,
  toS: number,
  last: boolean,
) {
  const wav = readWavFormat(file, file.length)!
  const { start, end, firstFrame } = wavByteRange(wav, fromS, last ? Infinity : toS)
  const bytes = bytesAt(recording, start, end)!
  return {
    kind: 'wav' as const,
    id: 0,
    wav,
    recording: 1,
    bytes,
    firstFrame,
    fromS,
    toS,
    last,
  }
}

it('gives the peaks of the whole file read at once, bin for bin, whatever the ranges', async () => {
  const file = recording()
  const whole = await decodeWavRange(job(file, { blob: new Blob([file]) }, 0, 0, true))
  const cuts = [0, 1, 3, 4]
  // Read from a download's parts, which the ranges straddle.
  const download = inParts(new Blob([file]), 10_007)
  const parts = await Promise.all(
    cuts.map((from, i) =>
      decodeWavRange(job(file, download, from, cuts[i + 1] ?? 0, i === cuts.length - 1)),
    ),
  )
  for (const c of [0, 1]) {
    const joined = parts.flatMap((p) => [...p.peaks[c]!])
    expect(joined).toEqual([...whole.peaks[c]!])
  }
  expect(parts.map((p) => p.startSample)).toEqual(cuts.map((s) => s * RATE))
  expect(whole.samples).toBe(RATE * SECONDS)
  // The tone's loud half-seconds, and the noise, are where they were written.
  expect(whole.peaks[0]![10]).toBeGreaterThan(0.3)
  expect(whole.peaks[0]![60]).toBeLessThan(0.1)
  expect(Math.max(...whole.peaks[1]!)).toBeGreaterThan(0.1)
})
