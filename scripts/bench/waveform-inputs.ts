/**
 * Inputs of the waveform benchmark, made with ffmpeg once and kept in bench-results/inputs:
 * a 1 h stereo "call" (pink noise gated so the channels take turns, Opus 32 kb/s), cut to 5 min,
 * looped to 3 h, transcoded to MP3, 16 kHz WAV and AAC (M4A, and a fragmented MP4), and put in
 * WebM as it is. Each case gets a synthetic
 * history and word timings sized like performance.md §7.1.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { markAfter } from './waveform-page'
import { syntheticCall } from './synthetic-call'

export interface BenchCase {
  id: string
  file: string
  seconds: number
  messages: number
}

export const CASES: BenchCase[] = [
  { id: '5 min Opus', file: 'call-5min.ogg', seconds: 300, messages: 50 },
  { id: '1 h Opus', file: 'call-1h.ogg', seconds: 3600, messages: 2000 },
  { id: '3 h Opus', file: 'call-3h.ogg', seconds: 10_800, messages: 10_000 },
  { id: '1 h MP3', file: 'call-1h.mp3', seconds: 3600, messages: 2000 },
  { id: '1 h WAV', file: 'call-1h.wav', seconds: 3600, messages: 2000 },
  { id: '1 h M4A', file: 'call-1h.m4a', seconds: 3600, messages: 2000 },
  { id: '1 h WebM', file: 'call-1h.webm', seconds: 3600, messages: 2000 },
  { id: '1 h fMP4', file: 'call-1h-frag.m4a', seconds: 3600, messages: 2000 },
]

export const INPUTS = 'bench-results/inputs'
const WORDS = 10

function ffmpeg(...args: string[]) {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: 'inherit' })
}

/** An hour of stereo Opus: pink-noise "speech" alternating between the channels every 4.5 s. */
export function makeHour(out: string) {
  const gate = (on: string) => `volume='if(${on},0.5,0)':eval=frame`
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=c=pink:r=48000:d=3600,${gate('lt(mod(t,9.1),4.5)')}`,
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=c=pink:r=48000:d=3600:seed=3,${gate('gte(mod(t,9.1),4.5)')}`,
    '-filter_complex',
    '[0:a][1:a]join=inputs=2:channel_layout=stereo[a]',
    '-map',
    '[a]',
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    '-compression_level',
    '0',
    out,
  )
}

const MAKE: Record<string, (hour: string, out: string) => void> = {
  'call-5min.ogg': (hour, out) => ffmpeg('-i', hour, '-t', '300', '-c', 'copy', out),
  'call-3h.ogg': (hour, out) => ffmpeg('-stream_loop', '2', '-i', hour, '-c', 'copy', out),
  'call-1h.mp3': (hour, out) => ffmpeg('-i', hour, '-c:a', 'libmp3lame', '-b:a', '64k', out),
  'call-1h.wav': (hour, out) => ffmpeg('-i', hour, '-c:a', 'pcm_s16le', '-ar', '16000', out),
  'call-1h.m4a': (hour, out) => ffmpeg('-i', hour, '-c:a', 'aac', '-b:a', '64k', out),
  // Egress's WebM: the same Opus packets in a Matroska container.
  'call-1h.webm': (hour, out) => ffmpeg('-i', hour, '-c', 'copy', out),
  // A fragmented MP4: its samples are listed fragment by fragment, in `moof` boxes.
  'call-1h-frag.m4a': (hour, out) =>
    ffmpeg(
      ...['-i', hour, '-c:a', 'aac', '-b:a', '64k', '-frag_duration', '2000000'],
      ...['-movflags', '+frag_keyframe+empty_moov+default_base_moof', out],
    ),
}

export function ensureInputs(cases: readonly BenchCase[]) {
  mkdirSync(INPUTS, { recursive: true })
  const hour = join(INPUTS, 'call-1h.ogg')
  if (!existsSync(hour)) makeHour(hour)
  for (const c of cases) {
    const out = join(INPUTS, c.file)
    if (!existsSync(out)) MAKE[c.file]?.(hour, out)
    const scale = c.seconds / (c.messages * (WORDS * 0.395 + 0.6) + 1)
    const call = syntheticCall(c.messages, WORDS, scale)
    writeFileSync(join(INPUTS, `report-${c.messages}-${c.seconds}.json`), call.report)
    writeFileSync(join(INPUTS, `timings-${c.messages}-${c.seconds}.json`), call.timings)
  }
}

export function inputUrls(c: BenchCase, base: string) {
  return {
    audio: `${base}/${c.file}`,
    history: `${base}/report-${c.messages}-${c.seconds}.json`,
    timings: `${base}/timings-${c.messages}-${c.seconds}.json`,
  }
}

/**
 * Opens the app on case `c` (inputs served by `serveInputs`) and waits for its full waveform; the
 * page carries `INIT_SCRIPT`.
 */
export async function openCaseFully(page: Page, port: number, c: BenchCase) {
  const files = inputUrls(c, 'bench-waveform')
  const link = `http://localhost:${port}/?audio=${files.audio}&history=${files.history}&timings=${files.timings}`
  await markAfter(page, () => page.goto(link), ['waveform:complete'], 600_000)
}
