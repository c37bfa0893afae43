// Mixes the placed words into a stereo track like LiveKit's RecorderIO (left = user input,
// right = agent output, 48 kHz) and encodes it as Ogg/Opus with ffmpeg + libopus.

import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'

import type { Layout } from './layout.js'
import { SAMPLE_RATE, microsToSamples, type Micros } from './time.js'

const TARGET_PEAK = 0.7
const OPUS_BITRATE = '32k'

type Channel = 0 | 1
const USER_CHANNEL: Channel = 0
const AGENT_CHANNEL: Channel = 1

interface Clip {
  start: Micros
  samples: Float32Array
}

function peakOf(clips: Clip[]): number {
  let peak = 0
  for (const clip of clips) for (const value of clip.samples) peak = Math.max(peak, Math.abs(value))
  return peak
}

function heardClips(layout: Layout, role: 'user' | 'assistant'): Clip[] {
  return layout.turns
    .filter((placed) => placed.turn.role === role)
    .flatMap((placed) => placed.words.filter((word) => word.heard))
}

/** Interleaved stereo float samples of the whole call. */
export function mixStereo(layout: Layout): Float32Array {
  const frames = microsToSamples(layout.duration)
  const stereo = new Float32Array(frames * 2)
  const channels: [Channel, Clip[]][] = [
    [USER_CHANNEL, [...heardClips(layout, 'user'), layout.backchannel]],
    [AGENT_CHANNEL, heardClips(layout, 'assistant')],
  ]
  for (const [channel, clips] of channels) {
    const gain = TARGET_PEAK / peakOf(clips)
    for (const clip of clips) {
      const offset = microsToSamples(clip.start)
      for (const [i, value] of clip.samples.entries()) {
        stereo[(offset + i) * 2 + channel] = value * gain
      }
    }
  }
  return stereo
}

export function writeFloat32(path: string, samples: Float32Array): void {
  const view = new DataView(new ArrayBuffer(samples.length * 4))
  for (const [i, value] of samples.entries()) view.setFloat32(i * 4, value, true)
  writeFileSync(path, new Uint8Array(view.buffer))
}

export function encodeOggOpus(pcmPath: string, oggPath: string): void {
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'f32le', '-ar', String(SAMPLE_RATE), '-ac', '2', '-i', pcmPath],
    ...['-c:a', 'libopus', '-b:a', OPUS_BITRATE, '-application', 'voip', '-frame_duration', '20'],
    ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', oggPath],
  ])
}

export interface ProbedAudio {
  codec: string
  channels: number
  sampleRate: number
  /** Decoded length in samples per channel. */
  frames: number
}

export function probeAudio(path: string): ProbedAudio {
  const stream = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_name,channels,sample_rate', '-of', 'json', path],
    { encoding: 'utf8' },
  )
  const parsed = JSON.parse(stream) as { streams?: Record<string, unknown>[] }
  const info = parsed.streams?.[0] ?? {}
  const decoded = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'f32le', '-'], {
    maxBuffer: 1 << 30,
  })
  const channels = Number(info['channels'])
  return {
    codec: String(info['codec_name']),
    channels,
    sampleRate: Number(info['sample_rate']),
    frames: decoded.length / 4 / channels,
  }
}
