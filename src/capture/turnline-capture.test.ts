import { asLanguageCode, llm, stt, voice } from '@livekit/agents'
import { AudioFrame } from '@livekit/rtc-node'
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { TimedSegment } from '../domain/call'
import { parseTimedStringsFile } from '../domain/parse/timed-strings'
import type { CaptureSession } from './turnline-capture'
import { TurnlineCapture } from './turnline-capture'

/** Compile-time proof that the capture's nodes fit the real `Agent` signatures. */
export class CapturingAgent extends voice.Agent {
  constructor(private readonly capture: TurnlineCapture) {
    super({ instructions: 'test' })
  }
  override transcriptionNode(
    text: Parameters<voice.Agent['transcriptionNode']>[0],
    modelSettings: voice.ModelSettings,
  ) {
    return this.capture.transcriptionNode(this, text, modelSettings)
  }
  override sttNode(
    audio: Parameters<voice.Agent['sttNode']>[0],
    modelSettings: voice.ModelSettings,
  ) {
    return this.capture.sttNode(this, audio, modelSettings)
  }
}

/** Emits what `AgentSession` and its audio output emit, with the SDK's own event objects. */
class FakeSession extends EventEmitter {
  readonly output = { audio: new EventEmitter() }

  addItem(role: 'user' | 'assistant', id: string, text: string) {
    const item = llm.ChatMessage.create({ role, id, content: text })
    this.emit(
      voice.AgentSessionEventTypes.ConversationItemAdded,
      voice.createConversationItemAddedEvent(item),
    )
  }
  playbackStarted(createdAtMs: number) {
    const ev: voice.PlaybackStartedEvent = { createdAt: createdAtMs }
    this.output.audio.emit(voice.AudioOutput.EVENT_PLAYBACK_STARTED, ev)
  }
  playbackFinished(playbackPosition: number, interrupted: boolean) {
    const ev: voice.PlaybackFinishedEvent = { playbackPosition, interrupted }
    this.output.audio.emit(voice.AudioOutput.EVENT_PLAYBACK_FINISHED, ev)
  }
}

const word = (text: string, startTime: number, endTime: number, startTimeOffset?: number) =>
  voice.createTimedString({
    text,
    startTime,
    endTime,
    ...(startTimeOffset !== undefined && { startTimeOffset }),
  })

async function drain<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item)
}

function finalTranscript(words: voice.TimedString[]): stt.SpeechEvent {
  const text = words.map((w) => w.text).join(' ')
  return {
    type: stt.SpeechEventType.FINAL_TRANSCRIPT,
    alternatives: [
      { language: asLanguageCode('en'), text, startTime: 0, endTime: 0, confidence: 0.9, words },
    ],
  }
}

async function speak(capture: TurnlineCapture, chunks: (string | voice.TimedString)[]) {
  const forwarded = await drain(capture.tapTranscript(from(chunks)))
  expect(forwarded).toEqual(chunks)
}

describe('TurnlineCapture with a fake AgentSession', () => {
  it('writes a file Turnline parses, each segment linked to its message and anchored', async () => {
    const session = new FakeSession()
    const capture = new TurnlineCapture()
    capture.attach(session as unknown as CaptureSession)

    const frame = new AudioFrame(new Int16Array(160), 16_000, 1, 160)
    const before = Date.now() / 1000
    const frames = await drain(capture.tapSttAudio(from([frame, frame])))
    expect(frames).toHaveLength(2)
    const userWords = [
      word('I', 2.5, 2.6, 0.4),
      word('need', 2.6, 2.9, 0.4),
      word('help', 2.9, 3.3, 0.4),
    ]
    const interim: stt.SpeechEvent = { type: stt.SpeechEventType.INTERIM_TRANSCRIPT }
    await drain(capture.tapSpeechEvents(from([interim, finalTranscript(userWords)])))
    session.addItem('user', 'item_user1', 'I need help')

    // A reply split in two TTS segments (FlushSentinel), plain text chunks mixed in.
    await speak(capture, ['Sure', word(' Sure,', 0.05, 0.3), word(' one', 0.3, 0.5)])
    session.playbackStarted(1_763_900_001_184)
    session.playbackFinished(0.62, false)
    await speak(capture, [word('Done.', 0.02, 0.4)])
    session.playbackStarted(1_763_900_002_000)
    session.playbackFinished(0.45, false)
    session.addItem('assistant', 'item_reply1', 'Sure, one. Done.')

    // Interrupted before its first frame: no chat item, so it must not take the next reply's id.
    await speak(capture, [word('Well', 0, 0.2)])
    session.playbackFinished(0, true)
    await speak(capture, [word('Okay', 0.1, 0.4)])
    session.playbackStarted(1_763_900_009_500)
    session.playbackFinished(1.2, true)
    session.addItem('assistant', 'item_reply2', 'Okay')

    const file: unknown = JSON.parse(JSON.stringify(capture.toJSON({ jobId: 'AJ_1', room: 'r' })))
    const parsed = parseTimedStringsFile('capture.json', file)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const segments = parsed.value.segments
    const summary = (s: TimedSegment) => [
      s.role,
      s.messageId,
      s.segmentIndex,
      s.words.map((w) => w.text).join('|'),
    ]
    expect(segments.map(summary)).toEqual([
      ['user', 'item_user1', 0, 'I|need|help'],
      ['assistant', 'item_reply1', 0, ' Sure,| one'],
      ['assistant', 'item_reply1', 1, 'Done.'],
      ['assistant', undefined, 0, 'Well'],
      ['assistant', 'item_reply2', 0, 'Okay'],
    ])
    const [user, first, second, orphan, cut] = segments
    expect(user?.timeBase).toBe('stt_stream')
    expect(user?.firstAudioAt).toBeGreaterThanOrEqual(before)
    expect(user?.words[1]).toEqual({
      text: 'need',
      start_time: 2.6,
      end_time: 2.9,
      start_time_offset: 0.4,
    })
    expect(first?.anchorUnix).toBeCloseTo(1_763_900_001.184, 6)
    expect(first?.playedDuration).toBe(0.62)
    expect(second?.anchorUnix).toBeCloseTo(1_763_900_002, 6)
    expect(orphan?.anchorUnix).toBeUndefined()
    expect(orphan?.interrupted).toBe(true)
    expect(cut).toMatchObject({
      anchorUnix: 1_763_900_009.5,
      playedDuration: 1.2,
      interrupted: true,
    })
    expect(file).toMatchObject({
      schema: 'lk-replay.timed-transcript',
      sdk: 'node',
      job_id: 'AJ_1',
    })
  })

  it('marks a segment of StreamAdapter sentences (start times only) as sentence granularity', async () => {
    const capture = new TurnlineCapture()
    await speak(capture, [voice.createTimedString({ text: 'Hello there.', startTime: 0 })])
    expect(capture.toJSON().segments[0]).toMatchObject({
      source: 'tts_sentence',
      granularity: 'sentence',
    })
  })
})
