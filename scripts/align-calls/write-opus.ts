import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { RATE } from './speech'

/** Encodes one generated channel (16 kHz float PCM) as an Ogg Opus file at `path`, with ffmpeg. */
export function writeOpus(samples: Float32Array, path: string): void {
  const pcm = join(tmpdir(), `${basename(path)}.f32`)
  writeFileSync(pcm, new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength))
  execFileSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', '-f', 'f32le', '-ar', String(RATE), '-ac', '1', '-i', pcm],
    ...['-c:a', 'libopus', '-b:a', '24k', path],
  ])
}
