import { planTimeRanges } from '../../domain/audio/decode-ranges'
import { looksLikeMpeg } from '../../domain/audio/mpeg-frames'
import type { Filling } from './decode-peaks'
import { DecodePool } from './decode-pool'
import type { MediaFile } from './decode-protocol'
import type { RecordingFile } from './recording-file'
import type { RangesDecoded } from './run-ranges'
import { runRanges } from './run-ranges'

let lastFileId = 0

/**
 * Every other format: one worker probes the file (duration, channels), then both take ranges.
 * An MP3 goes to libmpg123 without mediabunny, which a worker then never loads.
 */
export async function decodeMedia(
  recording: RecordingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const head = new Uint8Array(await recording.blob.slice(0, 10).arrayBuffer())
  const file: MediaFile = { id: ++lastFileId, ...recording }
  if (looksLikeMpeg(head)) file.mpeg = true
  const pool = new DecodePool()
  const stop = () => pool.terminate()
  signal.addEventListener('abort', stop, { once: true })
  try {
    const probe = await pool.request({ kind: 'probe', file })
    if (!probe.ok) throw new Error(probe.error)
    if (probe.kind !== 'probe') throw new Error('unexpected reply to a probe')
    const { duration, channels, frames } = probe.facts
    if (frames) file.frames = frames
    if (!(duration > 0) || channels < 1) throw new Error('no audio in the file')
    const planned = planTimeRanges(duration)
    const ranges = planned.map((r, i) => ({
      ...r,
      job: () => ({
        kind: 'media' as const,
        file,
        fromS: r.fromS,
        toS: r.toS,
        last: i === planned.length - 1,
      }),
    }))
    return await runRanges(pool, ranges, channels, duration, signal, filling)
  } finally {
    signal.removeEventListener('abort', stop)
    pool.terminate()
  }
}
