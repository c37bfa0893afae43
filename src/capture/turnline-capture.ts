/**
 * Captures the word timings `@livekit/agents` computes but does not save, as the
 * `lk-replay.timed-transcript` file Turnline reads. Recipe and usage: docs/capture.md.
 *
 * Server-side code for a user's agent; the Turnline app never imports it.
 */
import type { AudioFrame } from '@livekit/rtc-node'
import { ReadableStream } from 'node:stream/web'
import { stt, version, voice } from '@livekit/agents'
import type { FileMetadata, TimedTranscriptFile } from './timed-transcript-recorder'
import { TimedTranscriptRecorder } from './timed-transcript-recorder'

type Chunk = string | voice.TimedString
type Source<T> = ReadableStream<T> | AsyncIterable<T>

/** The parts of an `AgentSession` the capture listens to. */
export type CaptureSession = Pick<voice.AgentSession, 'on' | 'output'>

export class TurnlineCapture {
  private readonly recorder = new TimedTranscriptRecorder('node', version)
  private attachedAudio: voice.AudioOutput | null = null
  /** Epoch seconds of the current STT stream's first frame. */
  private firstAudioAt: number | null = null

  /** Call after `await session.start(…)`, when the session's audio output exists. */
  attach(session: CaptureSession): void {
    session.on(voice.AgentSessionEventTypes.ConversationItemAdded, ({ item }) => {
      if (item.type === 'message') this.recorder.messageAdded(item.role, item.id)
    })
    const audio = session.output.audio
    if (!audio || audio === this.attachedAudio) return
    this.attachedAudio = audio
    audio.on(voice.AudioOutput.EVENT_PLAYBACK_STARTED, (ev: voice.PlaybackStartedEvent) =>
      this.recorder.playbackStarted(ev.createdAt / 1000),
    )
    audio.on(voice.AudioOutput.EVENT_PLAYBACK_FINISHED, (ev: voice.PlaybackFinishedEvent) =>
      this.recorder.playbackFinished(ev.playbackPosition, ev.interrupted),
    )
  }

  /** Use as `Agent.transcriptionNode`: the SDK's default node, with its words recorded. */
  transcriptionNode(
    agent: voice.Agent,
    text: Source<Chunk>,
    modelSettings: voice.ModelSettings,
  ): Promise<ReadableStream<Chunk> | null> {
    return voice.Agent.default.transcriptionNode(agent, this.tapTranscript(text), modelSettings)
  }

  /** Use as `Agent.sttNode`: the SDK's default node, with final transcripts' words recorded. */
  async sttNode(
    agent: voice.Agent,
    audio: Source<AudioFrame>,
    modelSettings: voice.ModelSettings,
  ): Promise<ReadableStream<stt.SpeechEvent | string> | null> {
    const events = await voice.Agent.default.sttNode(agent, this.tapSttAudio(audio), modelSettings)
    return events && ReadableStream.from(this.tapSpeechEvents(events))
  }

  /** Wrap the text of `transcriptionNode`: one call is one TTS segment of a reply. */
  async *tapTranscript(text: Source<Chunk>): AsyncGenerator<Chunk> {
    const segment = this.recorder.startSpeechSegment()
    for await (const chunk of text as AsyncIterable<Chunk>) {
      if (typeof chunk !== 'string') this.recorder.addSpeechWord(segment, chunk)
      yield chunk
    }
  }

  /** Wrap the audio of `sttNode`, to note when this STT stream's first frame went through. */
  async *tapSttAudio(audio: Source<AudioFrame>): AsyncGenerator<AudioFrame> {
    this.firstAudioAt = null
    for await (const frame of audio as AsyncIterable<AudioFrame>) {
      this.firstAudioAt ??= Date.now() / 1000
      yield frame
    }
  }

  /** Wrap the events `sttNode` returns, to keep the words of each final transcript. */
  async *tapSpeechEvents(
    events: Source<stt.SpeechEvent | string>,
  ): AsyncGenerator<stt.SpeechEvent | string> {
    for await (const event of events as AsyncIterable<stt.SpeechEvent | string>) {
      if (typeof event !== 'string' && event.type === stt.SpeechEventType.FINAL_TRANSCRIPT) {
        const words = event.alternatives?.[0].words
        if (words) this.recorder.addTranscribedWords(words, this.firstAudioAt)
      }
      yield event
    }
  }

  toJSON(meta?: FileMetadata): TimedTranscriptFile {
    return this.recorder.toJSON(meta)
  }
}
