import { ALL_FORMATS, AudioSampleSink, BlobSource, Input, UrlSource } from 'mediabunny'
import type { GateCandidate } from '../../domain/align/speech-gate'
import { PROBE_S } from '../../domain/align/speech-gate'
import { to16k } from './probe-audio'

/**
 * The probes' samples, decoded from the recording itself: a few seconds of it, never the whole
 * file (mediabunny reads only the pages or frames each probe needs; WebCodecs decodes them).
 */
export async function probesFromFile(
  file: Blob | string,
  candidates: readonly GateCandidate[],
): Promise<Float32Array[]> {
  // A URL (the page's object URL, or a remote file) is read by range requests.
  const source = typeof file === 'string' ? new UrlSource(file) : new BlobSource(file)
  const input = new Input({ source, formats: ALL_FORMATS })
  const track = await input.getPrimaryAudioTrack()
  if (!track) throw new Error('no audio track in the file')
  const sink = new AudioSampleSink(track)
  const out: Float32Array[] = []
  for (const candidate of candidates)
    for (const from of candidate.probes) out.push(await decodeProbe(sink, candidate.channel, from))
  return out
}

async function decodeProbe(sink: AudioSampleSink, channel: number, from: number) {
  const parts: Float32Array[] = []
  let rate = 0
  let skip = 0
  for await (const sample of sink.samples(from, from + PROBE_S)) {
    try {
      rate = sample.sampleRate
      if (parts.length === 0) skip = Math.max(0, Math.round((from - sample.timestamp) * rate))
      const plane = Math.min(channel, sample.numberOfChannels - 1)
      const frames = sample.numberOfFrames
      const data = new Float32Array(frames)
      sample.copyTo(data, { planeIndex: plane, format: 'f32-planar', frameCount: frames })
      parts.push(data)
    } finally {
      sample.close()
    }
  }
  const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    joined.set(p, at)
    at += p.length
  }
  const wanted = joined.subarray(skip, skip + Math.round(PROBE_S * rate))
  return rate > 0 ? to16k(wanted, rate) : new Float32Array(0)
}
