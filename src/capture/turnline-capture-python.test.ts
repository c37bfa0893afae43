import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { TimedSegment } from '../domain/call'
import { parseTimedStringsFile } from '../domain/parse/timed-strings'

const captureDir = fileURLToPath(new URL('.', import.meta.url))
const hasPython = spawnSync('python3', ['--version']).status === 0
if (!hasPython) console.warn('python3 not found: the Python capture test is skipped')

/**
 * Replays SDK-shaped events into the pure recorder. `TimedString` and `NOT_GIVEN` copy the shape
 * of `livekit.agents.types` (a str subclass whose unset attributes hold a sentinel), so the
 * recorder meets what `transcription_node` and `SpeechData.words` hand it.
 */
const DRIVER = `
import json, sys
from turnline_capture import TimedTranscriptRecorder

class NotGiven:
    def __bool__(self): return False
NOT_GIVEN = NotGiven()

class TimedString(str):
    def __new__(cls, text, start_time=NOT_GIVEN, end_time=NOT_GIVEN, confidence=NOT_GIVEN,
                start_time_offset=NOT_GIVEN, speaker_id=None):
        obj = super().__new__(cls, text)
        obj.start_time, obj.end_time, obj.confidence = start_time, end_time, confidence
        obj.start_time_offset, obj.speaker_id = start_time_offset, speaker_id
        return obj

def chunk(c):
    return c if isinstance(c, str) else TimedString(**c)

recorder = TimedTranscriptRecorder("1.7.0")
segment = None
for ev in json.load(sys.stdin):
    kind = ev["kind"]
    if kind == "speech":
        segment = recorder.start_speech_segment(ev["speech_id"])
        for c in ev["chunks"]:
            c = chunk(c)
            if hasattr(c, "start_time"):
                recorder.add_speech_word(segment, c)
    elif kind == "playback_started":
        recorder.playback_started(ev["created_at"])
    elif kind == "playback_finished":
        recorder.playback_finished(ev["playback_position"], ev["interrupted"])
    elif kind == "stt_final":
        recorder.add_transcribed_words([chunk(w) for w in ev["words"]], ev["first_audio_at"])
    elif kind == "item":
        recorder.message_added(ev["role"], ev["id"])
print(json.dumps(recorder.to_json(job_id="AJ_1", room="r")))
`

const word = (text: string, start_time: number, end_time: number) => ({
  text,
  start_time,
  end_time,
})
const EVENTS = [
  {
    kind: 'stt_final',
    first_audio_at: 1_763_900_000.2,
    words: [
      { ...word('I', 2.5, 2.6), start_time_offset: 0.4, confidence: 0.9 },
      { ...word('need', 2.6, 2.9), start_time_offset: 0.4 },
      { text: 'um' },
    ],
  },
  { kind: 'item', role: 'user', id: 'item_user1' },
  { kind: 'speech', speech_id: 'speech_a', chunks: ['Sure', word(' Sure,', 0.05, 0.3)] },
  { kind: 'playback_started', created_at: 1_763_900_001.1841228 },
  { kind: 'playback_finished', playback_position: 0.62, interrupted: false },
  { kind: 'speech', speech_id: 'speech_a', chunks: [word('Done.', 0.02, 0.4)] },
  { kind: 'playback_started', created_at: 1_763_900_002 },
  { kind: 'playback_finished', playback_position: 0.45, interrupted: false },
  { kind: 'item', role: 'assistant', id: 'item_reply1' },
  { kind: 'speech', speech_id: 'speech_b', chunks: [word('Well', 0, 0.2)] },
  { kind: 'playback_finished', playback_position: 0, interrupted: true },
  { kind: 'speech', speech_id: 'speech_c', chunks: [{ text: 'Okay', start_time: 0.1 }] },
  { kind: 'playback_started', created_at: 1_763_900_009.5 },
  { kind: 'playback_finished', playback_position: 1.2, interrupted: true },
  { kind: 'item', role: 'assistant', id: 'item_reply2' },
]

describe.skipIf(!hasPython)('turnline_capture.py recorder (system python3)', () => {
  it('turns SDK-shaped events into a file Turnline parses', () => {
    const run = spawnSync('python3', ['-c', DRIVER], {
      cwd: captureDir,
      input: JSON.stringify(EVENTS),
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    const file: unknown = JSON.parse(run.stdout)
    const parsed = parseTimedStringsFile('capture.json', file)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const summary = (s: TimedSegment) => [
      s.role,
      s.messageId,
      s.speechId,
      s.segmentIndex,
      s.words.map((w) => w.text).join('|'),
    ]
    expect(parsed.value.segments.map(summary)).toEqual([
      ['user', 'item_user1', undefined, 0, 'I|need'],
      ['assistant', 'item_reply1', 'speech_a', 0, ' Sure,'],
      ['assistant', 'item_reply1', 'speech_a', 1, 'Done.'],
      ['assistant', undefined, 'speech_b', 0, 'Well'],
      ['assistant', 'item_reply2', 'speech_c', 0, 'Okay'],
    ])
    const [user, first, , orphan, cut] = parsed.value.segments
    expect(user).toMatchObject({ timeBase: 'stt_stream', firstAudioAt: 1_763_900_000.2 })
    expect(user?.words[0]).toEqual({
      text: 'I',
      start_time: 2.5,
      end_time: 2.6,
      start_time_offset: 0.4,
      confidence: 0.9,
    })
    expect(first).toMatchObject({ anchorUnix: 1_763_900_001.1841228, playedDuration: 0.62 })
    expect(orphan).toMatchObject({ interrupted: true, playedDuration: 0 })
    expect(orphan?.anchorUnix).toBeUndefined()
    expect(cut).toMatchObject({ anchorUnix: 1_763_900_009.5, playedDuration: 1.2 })
    expect(file).toMatchObject({
      schema: 'lk-replay.timed-transcript',
      sdk: 'python',
      sdk_version: '1.7.0',
      segments: expect.arrayContaining([
        expect.objectContaining({ source: 'tts_sentence', granularity: 'sentence' }),
      ]) as unknown,
    })
  })
})
