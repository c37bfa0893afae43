// Generated calls with exact truth for the alignment benchmark and fixtures: two voices speaking
// continuously, a phone-band noisy caller, barge-ins, backchannels no history mentions, a hold-music
// block, clock drift and an unknown recording start. Positions are in recording seconds.

import {
  AGENT_LINES,
  AGENT_OPENINGS,
  AGENT_VOICES,
  BACKCHANNELS,
  USER_LINES,
  USER_VOICES,
} from './bank'
import type { Voice } from './speech'
import { RATE, audibleEnd, audibleStart, speak } from './speech'

export interface TruthTurn {
  id: string
  role: 'user' | 'assistant'
  text: string
  interrupted: boolean
  /** First audible sample, recording seconds. */
  start: number
  /** Last audible sample played. */
  end: number
  /** Start of each written word, recording seconds; undefined if espeak gave it no event or it was cut. */
  words: (number | undefined)[]
}

export interface GeneratedCall {
  seed: number
  /** 16 kHz PCM per channel: the caller, the agent. */
  user: Float32Array
  agent: Float32Array
  duration: number
  turns: TruthTurn[]
  /** Epoch seconds of sample 0 on the history clock. */
  t0: number
  /** History clock runs `1 / (1 + drift)` as fast as the recording's sample clock. */
  drift: number
  /** Where the history's first event sits relative to the recording start, seconds. */
  startDelay: number
  holdMusic: { start: number; end: number }
}

export interface CallShape {
  turns: number
  /** Adds a 6 s tonal block in one gap. */
  holdMusic: boolean
}

export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * next()
  const normal = (mean: number, sd: number) =>
    mean + sd * Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next())
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, uniform, normal, pick }
}

interface Clip {
  at: number
  samples: Float32Array
  gain: number
}

export function generateCall(seed: number, shape: CallShape, cacheDir: string): GeneratedCall {
  const rnd = random(seed)
  const agentVoice: Voice = {
    name: rnd.pick(AGENT_VOICES),
    wordsPerMinute: Math.round(rnd.uniform(160, 185)),
    pitch: 50,
    phone: false,
  }
  const userName = rnd.pick(USER_VOICES)
  const startDelay = rnd.uniform(-10, 10)
  const drift = (rnd.next() < 0.5 ? -1 : 1) * rnd.uniform(50e-6, 300e-6)
  const agentClips: Clip[] = []
  const userClips: Clip[] = []
  const turns: TruthTurn[] = []
  let cursor = rnd.uniform(0.8, 3)
  const holdAfter = shape.holdMusic ? Math.floor(rnd.uniform(0.3, 0.7) * shape.turns) : -1
  let holdMusic = { start: 0, end: 0 }
  for (let n = 0; n < shape.turns; n++) {
    const role = n % 2 === 0 ? 'assistant' : 'user'
    const text =
      n === 0
        ? rnd.pick(AGENT_OPENINGS)
        : lines(rnd, role === 'assistant' ? AGENT_LINES : USER_LINES, role === 'assistant' ? 3 : 2)
    const voice: Voice =
      role === 'assistant'
        ? agentVoice
        : {
            name: userName,
            wordsPerMinute: Math.round(rnd.uniform(140, 190)),
            pitch: Math.round(rnd.uniform(30, 70)),
            phone: true,
          }
    const { samples: clip, wordStarts } = speak(cacheDir, voice, text)
    const first = audibleStart(clip) / RATE
    const last = audibleEnd(clip) / RATE
    const at = cursor - first
    const turn: TruthTurn = {
      id: `item_${seed}_${n}`,
      role,
      text,
      interrupted: false,
      start: at + first,
      end: at + last,
      words: wordStarts.map((w) => (w === undefined ? undefined : at + w)),
    }
    const interrupt = role === 'assistant' && n > 0 && n < shape.turns - 1 && rnd.next() < 0.12
    let played = clip
    if (interrupt) {
      // The caller barges in; the agent stops 0.3–0.6 s later.
      const bargeAt = turn.start + (turn.end - turn.start) * rnd.uniform(0.4, 0.7)
      const stopAt = bargeAt + rnd.uniform(0.3, 0.6)
      played = clip.slice(0, Math.max(1, Math.round((stopAt - at) * RATE)))
      fadeOut(played)
      turn.interrupted = true
      turn.end = Math.min(turn.end, stopAt)
      turn.words = turn.words.map((w) => (w !== undefined && w < stopAt ? w : undefined))
      cursor = bargeAt
    } else {
      cursor = turn.end
    }
    ;(role === 'assistant' ? agentClips : userClips).push({
      at,
      samples: played,
      gain: role === 'assistant' ? 0.6 : rnd.uniform(0.25, 0.6),
    })
    turns.push(turn)
    if (role === 'assistant' && !interrupt && turn.end - turn.start > 2.5 && rnd.next() < 0.3) {
      // A backchannel over the agent: speech no history mentions.
      const bc = speak(
        cacheDir,
        { name: userName, wordsPerMinute: 170, pitch: 50, phone: true },
        rnd.pick(BACKCHANNELS),
      ).samples
      userClips.push({
        at: turn.start + (turn.end - turn.start) * rnd.uniform(0.3, 0.7),
        samples: bc,
        gain: 0.3,
      })
    }
    if (!interrupt) cursor += role === 'assistant' ? rnd.uniform(0.35, 1.3) : rnd.uniform(0.6, 1.6)
    if (n === holdAfter) {
      holdMusic = { start: cursor + 0.5, end: cursor + 6.5 }
      agentClips.push({ at: holdMusic.start, samples: chords(6), gain: 0.35 })
      cursor = holdMusic.end + rnd.uniform(0.8, 1.5)
    }
  }
  const duration = cursor + 1.5
  const frames = Math.ceil(duration * RATE)
  const user = mix(userClips, frames)
  addNoise(user, rnd, 0.004)
  const agent = mix(agentClips, frames)
  return {
    seed,
    user,
    agent,
    duration,
    turns,
    t0: 1_763_900_000 + seed * 1000,
    drift,
    startDelay,
    holdMusic,
  }
}

function lines(rnd: ReturnType<typeof random>, bank: readonly string[], most: number): string {
  const count = 1 + Math.floor(rnd.next() * most)
  return Array.from({ length: count }, () => rnd.pick(bank)).join(' ')
}

function mix(clips: readonly Clip[], frames: number): Float32Array {
  const out = new Float32Array(frames)
  for (const clip of clips) {
    let peak = 1e-9
    for (const v of clip.samples) peak = Math.max(peak, Math.abs(v))
    const offset = Math.round(clip.at * RATE)
    for (let i = 0; i < clip.samples.length; i++) {
      const j = offset + i
      if (j >= 0 && j < frames) out[j]! += (clip.samples[i]! / peak) * clip.gain
    }
  }
  return out
}

function fadeOut(samples: Float32Array) {
  const n = Math.min(samples.length, Math.round(0.02 * RATE))
  for (let i = 0; i < n; i++) samples[samples.length - 1 - i]! *= i / n
}

function addNoise(samples: Float32Array, rnd: ReturnType<typeof random>, level: number) {
  for (let i = 0; i < samples.length; i++) samples[i]! += rnd.normal(0, level)
}

/** Hold music: a slow chord progression with tremolo, stationary enough to fool an energy detector. */
function chords(seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE))
  const progression = [
    [261.6, 329.6, 392],
    [220, 261.6, 329.6],
    [174.6, 220, 261.6],
    [196, 246.9, 293.7],
  ]
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE
    const chord = progression[Math.floor(t / 1.5) % progression.length]!
    let v = 0
    for (const f of chord) v += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)
    out[i] = (v / 4) * (0.8 + 0.2 * Math.sin(2 * Math.PI * 5 * t))
  }
  return out
}
