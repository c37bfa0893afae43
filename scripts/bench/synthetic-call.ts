/**
 * A deterministic synthetic call in the Python SessionReport shape with matching word timings,
 * sized like the scenarios of performance.md §7.1 (2,000 messages / 20,000 words for 1 h, …).
 */
export interface SyntheticCall {
  report: string
  timings: string
}

const T0 = 1764000000.25

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** `timeScale` stretches or squeezes every duration, to fit a call into a given recording. */
export function syntheticCall(
  messages: number,
  wordsPerMessage: number,
  timeScale = 1,
  seed = 7,
): SyntheticCall {
  const random = rng(seed)
  const items: unknown[] = []
  const segments: unknown[] = []
  let at = 0.8
  for (let m = 0; m < messages; m++) {
    const role = m % 2 === 0 ? 'assistant' : 'user'
    const words = Array.from({ length: wordsPerMessage }, (_, w) => ({
      text: `word${w}`,
      start: 0,
      length: (0.25 + random() * 0.25) * timeScale,
    }))
    let t = 0
    for (const w of words) {
      w.start = t
      t += w.length + 0.02 * timeScale
    }
    const started = T0 + at
    const stopped = started + t
    const id = `item_${m.toString(16).padStart(12, '0')}`
    items.push({
      id,
      type: 'message',
      role,
      content: [words.map((w) => w.text).join(' ')],
      interrupted: false,
      extra: {},
      metrics: { started_speaking_at: started, stopped_speaking_at: stopped },
      created_at: role === 'user' ? stopped + 0.5 : started - 0.6,
    })
    segments.push(
      role === 'assistant'
        ? {
            role,
            time_base: 'segment_audio',
            message_id: id,
            anchor_unix: started,
            played_duration: t,
            interrupted: false,
            words: words.map((w) => ({
              text: ` ${w.text}`,
              start_time: w.start,
              end_time: w.start + w.length,
            })),
          }
        : {
            role,
            time_base: 'stt_stream',
            message_id: id,
            first_audio_at: T0,
            words: words.map((w) => ({
              text: w.text,
              start_time: at + w.start,
              end_time: at + w.start + w.length,
              start_time_offset: 0,
            })),
          },
    )
    at += t + 0.6 * timeScale
  }
  const report = {
    job_id: 'AJ_bench',
    room: 'bench',
    events: [],
    audio_recording_started_at: T0,
    options: {},
    chat_history: { items },
    timestamp: T0 + at,
    sdk_version: '1.7.0',
  }
  const timings = { schema: 'lk-replay.timed-transcript', segments }
  return { report: JSON.stringify(report), timings: JSON.stringify(timings) }
}
