import type { InputAudioTrack } from 'mediabunny'
import { ALL_FORMATS, AudioSampleSink, BlobSource, Input } from 'mediabunny'
import { RangeSink } from '../../domain/audio/range-sink'
import type { DecodeJob, MediaFacts, MediaFile } from './decode-protocol'

/**
 * WAV, MP3, M4A/AAC, WebM and the rest through mediabunny: it demuxes in the worker, reading only
 * the parts of the file a range needs, and decodes with WebCodecs (PCM without it).
 */
let opened: { id: number; input: Input; track: Promise<InputAudioTrack> } | undefined

/** The recording's demuxer, kept from range to range; another recording's is disposed of. */
function audioTrack(file: MediaFile): Promise<InputAudioTrack> {
  if (opened?.id === file.id) return opened.track
  opened?.input.dispose()
  const input = new Input({ source: new BlobSource(file.blob), formats: ALL_FORMATS })
  const track = (async () => {
    const found = await input.getPrimaryAudioTrack()
    if (!found) throw new Error('no audio track in the file')
    if (!(await found.canDecode()))
      throw new Error(`this browser cannot decode ${found.codec ?? 'this codec'}`)
    return found
  })()
  opened = { id: file.id, input, track }
  return track
}

export async function probeMedia(file: MediaFile): Promise<MediaFacts> {
  const track = await audioTrack(file)
  return {
    duration: await track.computeDuration(),
    channels: track.numberOfChannels,
    codec: track.codec ?? 'unknown',
  }
}

export async function decodeMediaRange(job: Extract<DecodeJob, { kind: 'media' }>) {
  const track = await audioTrack(job.file)
  const samples = new AudioSampleSink(track)
  let sink: RangeSink | undefined
  let position = 0
  let planes: Float32Array[] = []
  for await (const sample of samples.samples(job.fromS, job.last ? Infinity : job.toS)) {
    try {
      const rate = sample.sampleRate
      const frames = sample.numberOfFrames
      if (!sink) {
        const to = job.last ? Infinity : job.toS * rate
        sink = new RangeSink(sample.numberOfChannels, rate, job.fromS * rate, to)
        position = Math.round(sample.timestamp * rate)
      }
      if (!planes[0] || planes[0].length < frames)
        planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(frames))
      planes.forEach((plane, c) =>
        sample.copyTo(plane, { planeIndex: c, format: 'f32-planar', frameCount: frames }),
      )
      sink.take(planes, frames, position)
      position += frames
      if (sink.full) break
    } finally {
      sample.close()
    }
  }
  if (!sink) throw new Error('no audio decoded in this range')
  return sink.result()
}
