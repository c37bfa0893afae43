import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { RATE } from './speech'

/** Encodes generated channels (16 kHz float PCM) as an Ogg Opus file at `path`, with ffmpeg. */
export function writeOpus(channels: readonly Float32Array[], path: string): void {
  const length = Math.min(...channels.map((c) => c.length))
  const interleaved = new Float32Array(length * channels.length)
  for (let i = 0; i < length; i++)
    channels.forEach((c, k) => (interleaved[i * channels.length + k] = c[i]!))
  const pcm = join(tmpdir(), `${basename(path)}.f32`)
  writeFileSync(pcm, new Uint8Array(interleaved.buffer))
  execFileSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', '-f', 'f32le', '-ar', String(RATE)],
    ...['-ac', String(channels.length), '-i', pcm],
    ...['-c:a', 'libopus', '-b:a', `${24 * channels.length}k`, path],
  ])
}
