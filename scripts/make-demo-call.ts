// Generates the bundled demo call in public/demo/ from the scripted dialogue in
// scripts/demo-call/dialogue.ts:
//   audio.ogg            stereo Ogg/Opus, 48 kHz, left = caller, right = agent (like RecorderIO)
//   session-report.json  Python SDK 1.7.0 `SessionReport.to_dict()`
//   history.json         `session.history.to_dict()` (no created_at, metrics kept)
//   timed-strings.json   `lk-replay.timed-transcript` TTS + STT word timings (formats.md §4.6)
//   truth.json           exact positions of every item and word in audio.ogg, for tests
//
// Run: npx tsx scripts/make-demo-call.ts
// Needs espeak-ng, sox and ffmpeg (with libopus) on the PATH. Deterministic: the same tool
// versions give the same bytes. Every word is synthesized on its own and placed at an exact sample,
// so all timestamps in the JSON files are exact positions in audio.ogg.

import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { encodeOggOpus, mixStereo, probeAudio, writeFloat32 } from './demo-call/audio.js'
import { chatHistory, spokenText, toolRuns } from './demo-call/chat-items.js'
import {
  AGENT_VOICE,
  BACKCHANNEL,
  TURNS,
  USER_VOICE,
  WORDS_PER_MINUTE,
} from './demo-call/dialogue.js'
import { layOutCall, type Layout, type Speak } from './demo-call/layout.js'
import { pythonJson, type JsonValue } from './demo-call/py-json.js'
import { sessionReport } from './demo-call/report.js'
import { WordSynthesizer, assertToolsInstalled, toolVersions } from './demo-call/synth.js'
import { timedStrings } from './demo-call/timed-strings.js'
import { buildTimeline, type Message } from './demo-call/timeline.js'
import { SAMPLE_RATE, epochOf, microsToSamples, sec, toSeconds } from './demo-call/time.js'
import { truth } from './demo-call/truth.js'

const OUT_DIR = fileURLToPath(new URL('../public/demo/', import.meta.url))
const CLOSE_AFTER_RECORDING_END = sec(0.0213)
const REPORT_AFTER_CLOSE = sec(0.2419)

function synthesizeAndLayOut(workDir: string): Layout {
  const synthesizer = new WordSynthesizer(workDir)
  const agent = { name: AGENT_VOICE, wordsPerMinute: WORDS_PER_MINUTE }
  const caller = { name: USER_VOICE, wordsPerMinute: WORDS_PER_MINUTE }
  const speak: Speak = (turn, text) =>
    synthesizer.synthesize(
      turn !== 'backchannel' && turn.role === 'assistant' ? agent : caller,
      text,
    )
  return layOutCall(TURNS, speak)
}

/** Encodes the mix and checks that the file decodes to exactly the laid-out length. */
function writeAudio(layout: Layout, workDir: string): number {
  const pcmPath = join(workDir, 'mix.f32')
  const oggPath = join(OUT_DIR, 'audio.ogg')
  writeFloat32(pcmPath, mixStereo(layout))
  encodeOggOpus(pcmPath, oggPath)
  const probed = probeAudio(oggPath)
  const expectedFrames = microsToSamples(layout.duration)
  const problems = [
    probed.codec === 'opus' ? null : `codec ${probed.codec}`,
    probed.channels === 2 ? null : `${probed.channels} channels`,
    probed.sampleRate === SAMPLE_RATE ? null : `${probed.sampleRate} Hz`,
    probed.frames === expectedFrames ? null : `${probed.frames} frames, laid out ${expectedFrames}`,
  ].filter((problem) => problem !== null)
  if (problems.length > 0) throw new Error(`audio.ogg is off: ${problems.join(', ')}`)
  return probed.frames / SAMPLE_RATE
}

function writeJson(name: string, value: JsonValue): void {
  writeFileSync(join(OUT_DIR, name), `${pythonJson(value)}\n`)
}

function printSummary(messages: Message[], layout: Layout, durationSeconds: number): void {
  const seconds = (value: number) => toSeconds(value).toFixed(3).padStart(7)
  console.log(`tools: ${toolVersions().join(' | ')}`)
  console.log(`audio.ogg: ${durationSeconds} s, ${statSync(join(OUT_DIR, 'audio.ogg')).size} bytes`)
  for (const message of messages) {
    const { placed, turn } = message
    const flags =
      placed.cut === null ? '' : ` [interrupted, ${placed.words.length} words synthesized]`
    const who = message.role === 'user' ? 'user ' : 'agent'
    console.log(
      `${seconds(placed.start)} - ${seconds(placed.end)}  ${who} ${turn.id}${flags}: ${spokenText(message)}`,
    )
  }
  for (const run of toolRuns(messages)) {
    console.log(
      `${seconds(run.startedAt - epochOf(0))} - ${seconds(run.endedAt - epochOf(0))}  tool  ` +
        `${run.callItemId} ${run.spec.name} -> ${run.spec.outputId}`,
    )
  }
  const { backchannel } = layout
  console.log(
    `${seconds(backchannel.start)} - ${seconds(backchannel.end)}  user  backchannel "${BACKCHANNEL.text}" ` +
      `during ${BACKCHANNEL.duringTurnId} (VAD events only)`,
  )
}

function main(): void {
  assertToolsInstalled()
  mkdirSync(OUT_DIR, { recursive: true })
  const workDir = mkdtempSync(join(tmpdir(), 'turnline-demo-'))
  try {
    const layout = synthesizeAndLayOut(workDir)
    const durationSeconds = writeAudio(layout, workDir)
    const messages = buildTimeline(layout)
    const closedAt = epochOf(layout.duration) + CLOSE_AFTER_RECORDING_END
    const times = { closedAt, reportedAt: closedAt + REPORT_AFTER_CLOSE }
    writeJson('session-report.json', sessionReport(messages, layout.backchannel, times))
    writeJson('history.json', chatHistory(messages, false))
    writeJson('timed-strings.json', timedStrings(messages))
    writeJson('truth.json', truth(messages, layout.backchannel, durationSeconds))
    printSummary(messages, layout, durationSeconds)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

main()
