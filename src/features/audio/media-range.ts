import type { EncodedPacket, InputAudioTrack } from 'mediabunny'
import {
  ALL_FORMATS,
  AudioSampleSink,
  BlobSource,
  EncodedPacketSink,
  Input,
  Mp3InputFormat,
  Mp4InputFormat,
  PCM_AUDIO_CODECS,
  StreamSource,
} from 'mediabunny'
import type { Mp4Samples } from '../../domain/audio/mp4-samples'
import type { MpegFrames } from '../../domain/audio/mpeg-frames'
import { OutputClock } from '../../domain/audio/output-clock'
import type { RangeResult } from '../../domain/audio/range-sink'
import { RangeSink } from '../../domain/audio/range-sink'
import type { OpusHead } from '../../domain/audio/ogg-pages'
import { parseOpusHead } from '../../domain/audio/ogg-pages'
import type { DecodeJob, MediaFacts, MediaFile } from './decode-protocol'
import { OPUS_DECODE_RATE, PREROLL_S, rangeEndS } from './decode-protocol'
import type { OpeningChunks } from './aac-runs'
import { aacFramesPerChunk, PROBE_FRAMES } from './aac-runs'
import { mp4Chunks, mp4Samples } from './mp4-range'
import { decodeMpegRange, mpegFacts, mpegFrames } from './mpeg-range'
import { RecordingReader } from './recording-file'
import { workerOpusDecoder } from './worker-opus'

/**
 * MP3, M4A/AAC, WebM and the rest (and a WAV the page's parser does not read), recognised by
 * mediabunny in the worker, which reads only the parts of the file a range needs. MP3 goes to
 * libmpg123 (`mpeg-range`), Opus to libopus (`decodeOpusPackets`); other compressed audio to
 * WebCodecs' `AudioDecoder` directly (a third less work than through mediabunny's sample queue),
 * an M4A's packets read from its own sample table (`mp4-range`); PCM through mediabunny.
 */
interface Recording {
  track: InputAudioTrack
  reader: RecordingReader
  /** An MP3's frames, found once per worker. */
  mpeg?: MpegFrames
  /** An M4A's sample table (a fragmented one's from its fragments), read once per worker. */
  mp4?: Mp4Samples
  /** How many of its AAC frames go in one chunk, probed once per worker. */
  framesPerChunk?: Promise<number>
}

let opened:
  { id: number; input: Input; reader: RecordingReader; recording: Promise<Recording> } | undefined

type MediaJob = Extract<DecodeJob, { kind: 'media' }>

/** Packets queued ahead of the decoder's output: enough to keep it busy, few enough to stay small. */
const DECODE_QUEUE = 16
/** mediabunny's cache of what it read: each range is read once, in order, so little is reused. */
const READ_CACHE_BYTES = 2 << 20

/** The recording's demuxer, kept from range to range; another recording's is disposed of. */
function openRecording(file: MediaFile): Promise<Recording> {
  if (opened?.id === file.id) {
    // A download's later range comes with the pieces it needs.
    opened.reader.update(file)
    return opened.recording
  }
  opened?.input.dispose()
  const reader = new RecordingReader(file)
  const input = new Input({ source: sourceOf(file, reader), formats: ALL_FORMATS })
  const recording = (async () => {
    const track = await input.getPrimaryAudioTrack()
    if (!track) throw new Error('no audio track in the file')
    const format = await input.getFormat()
    const mpeg = format instanceof Mp3InputFormat ? await mpegFrames(reader) : undefined
    if (!mpeg && !(await track.canDecode()))
      throw new Error(`this browser cannot decode ${track.codec ?? 'this codec'}`)
    // A sample table this cannot read (a broken box) leaves the packets to mediabunny.
    const mp4 =
      format instanceof Mp4InputFormat ? await mp4Samples(reader).catch(() => undefined) : undefined
    return { track, reader, mpeg, mp4 }
  })()
  opened = { id: file.id, input, reader, recording }
  return recording
}

/**
 * A download is read by whole parts (see `RecordingFile`), or by the pieces of it in hand while
 * it comes in; a file from disk by slices.
 */
function sourceOf(file: MediaFile, reader: RecordingReader) {
  if ('blob' in file && !file.parts)
    return new BlobSource(file.blob, { maxCacheSize: READ_CACHE_BYTES })
  return new StreamSource({
    getSize: () => reader.size,
    read: async (start, end) => {
      const bytes = await reader.read(start, end)
      if (bytes.length < end - start)
        throw new Error(`bytes ${start}–${end} of the recording are not in hand`)
      return bytes
    },
    maxCacheSize: READ_CACHE_BYTES,
  })
}

export async function probeMedia(file: MediaFile): Promise<MediaFacts> {
  const { track, mpeg } = await openRecording(file)
  if (mpeg) return mpegFacts(mpeg)
  return {
    duration: await track.computeDuration(),
    channels: track.numberOfChannels,
    codec: track.codec ?? 'unknown',
  }
}

export async function decodeMediaRange(job: MediaJob) {
  const recording = await openRecording(job.file)
  const { track, reader, mpeg, mp4 } = recording
  if (mpeg) return decodeMpegRange(job, mpeg, reader)
  const config = isPcm(track.codec) ? null : await track.getDecoderConfig()
  if (!config) return decodePcm(track, job)
  const opus = opusHeadOf(config)
  if (opus) return decodeOpusPackets(track, opus, job)
  const fromS = Math.max(0, job.fromS - PREROLL_S)
  const endS = rangeEndS(job)
  const perChunk = await framesPerChunk(recording, config)
  const chunks = mp4
    ? mp4Chunks(reader, mp4, fromS, endS, perChunk)
    : packetChunks(track, fromS, endS, perChunk)
  return decodeWithWebCodecs(chunks, config, job)
}

/** AAC frames go to the decoder several a chunk where it takes them (see `aac-runs`). */
function framesPerChunk(recording: Recording, config: AudioDecoderConfig): Promise<number> {
  if (!config.codec.startsWith('mp4a.40.')) return Promise.resolve(1)
  const { mp4, reader, track } = recording
  const opening: OpeningChunks = mp4
    ? (perChunk) => mp4Chunks(reader, mp4, mp4.times[0]!, mp4.times[PROBE_FRAMES]!, perChunk)
    : (perChunk) => packetChunks(track, 0, Infinity, perChunk, PROBE_FRAMES)
  const enough = mp4 ? mp4.times.length > PROBE_FRAMES : true
  return (recording.framesPerChunk ??= enough
    ? aacFramesPerChunk(opening, config)
    : Promise.resolve(1))
}

function isPcm(codec: string | null): boolean {
  return PCM_AUDIO_CODECS.some((pcm) => pcm === codec)
}

/**
 * mediabunny's packets from the last one at or before `fromS` to the first at or after `endS`
 * (`most` of them at most), as chunks of up to `perChunk` packets each.
 */
async function* packetChunks(
  track: InputAudioTrack,
  fromS: number,
  endS: number,
  perChunk: number,
  most = Infinity,
): AsyncGenerator<EncodedAudioChunk> {
  const packets = new EncodedPacketSink(track)
  const first = (await packets.getPacket(fromS)) ?? (await packets.getFirstPacket())
  if (!first) return
  let run: EncodedPacket[] = []
  let taken = 0
  for await (const packet of packets.packets(first)) {
    if (packet.timestamp >= endS || taken++ >= most) break
    run.push(packet)
    if (run.length < perChunk) continue
    yield joined(run)
    run = []
  }
  if (run.length > 0) yield joined(run)
}

/** Packets that follow one another as one chunk: their data end to end, from the first's time. */
function joined(run: readonly EncodedPacket[]): EncodedAudioChunk {
  if (run.length === 1) return run[0]!.toEncodedAudioChunk()
  const data = new Uint8Array(run.reduce((sum, packet) => sum + packet.data.length, 0))
  let at = 0
  for (const packet of run) {
    data.set(packet.data, at)
    at += packet.data.length
  }
  const last = run.at(-1)!
  return new EncodedAudioChunk({
    type: 'key',
    timestamp: Math.round(run[0]!.timestamp * 1e6),
    duration: Math.round((last.timestamp + last.duration - run[0]!.timestamp) * 1e6),
    data,
  })
}

async function decodeWithWebCodecs(
  chunks: AsyncIterable<EncodedAudioChunk>,
  config: AudioDecoderConfig,
  job: MediaJob,
) {
  let output: RangeOutput | undefined
  let decoder: PacedDecoder | undefined
  try {
    for await (const chunk of chunks) {
      output ??= new RangeOutput(job, chunk.timestamp / 1e6)
      decoder ??= new PacedDecoder(config, output)
      if (output.full) break
      await decoder.decode(chunk)
    }
    await decoder?.flush()
  } finally {
    decoder?.close()
  }
  if (!output) throw new Error('no audio in this range')
  return output.result()
}

/** What a range reads of a decoded block: WebCodecs' `AudioData` and mediabunny's `AudioSample` alike. */
interface DecodedBlock {
  readonly sampleRate: number
  readonly numberOfFrames: number
  readonly numberOfChannels: number
  copyTo(
    destination: Float32Array,
    options: { planeIndex: number; format: 'f32-planar'; frameCount: number },
  ): void
}

/** Copies each decoded block into the range's sink at its place on the recording's grid. */
class RangeOutput {
  private sink: RangeSink | undefined
  private readonly clock: OutputClock
  private planes: Float32Array[] = []

  constructor(
    private readonly job: MediaJob,
    firstPacketS: number,
  ) {
    this.clock = new OutputClock(firstPacketS)
  }

  /** `timestampUs`: where the block's decoder or demuxer put it, in microseconds. */
  take(data: DecodedBlock, timestampUs: number) {
    const rate = data.sampleRate
    const frames = data.numberOfFrames
    if (frames === 0) return
    const position = this.clock.place(timestampUs, frames, rate)
    this.sink ??= new RangeSink(
      data.numberOfChannels,
      rate,
      this.job.fromS * rate,
      rangeEndS(this.job) * rate,
    )
    if (!this.planes[0] || this.planes[0].length < frames)
      this.planes = Array.from({ length: data.numberOfChannels }, () => new Float32Array(frames))
    this.planes.forEach((plane, c) =>
      data.copyTo(plane, { planeIndex: c, format: 'f32-planar', frameCount: frames }),
    )
    this.sink.take(this.planes, frames, position)
  }

  get full(): boolean {
    return this.sink?.full ?? false
  }

  result() {
    if (!this.sink) throw new Error('no audio decoded in this range')
    return this.sink.result()
  }
}

/** An `AudioDecoder` fed no faster than it decodes; its error rejects the next call. */
class PacedDecoder {
  private readonly decoder: AudioDecoder
  private failure: Error | undefined
  private wake: (() => void) | undefined

  constructor(config: AudioDecoderConfig, output: RangeOutput) {
    this.decoder = new AudioDecoder({
      output: (data) => {
        try {
          output.take(data, data.timestamp)
        } finally {
          data.close()
        }
      },
      error: (error) => {
        this.failure = error
        this.wake?.()
      },
    })
    this.decoder.addEventListener('dequeue', () => this.wake?.())
    this.decoder.configure(config)
  }

  async decode(chunk: EncodedAudioChunk) {
    this.throwIfFailed()
    this.decoder.decode(chunk)
    while (this.decoder.decodeQueueSize > DECODE_QUEUE && !this.failure)
      await new Promise<void>((resolve) => (this.wake = resolve))
    this.throwIfFailed()
  }

  async flush() {
    this.throwIfFailed()
    await this.decoder.flush()
  }

  close() {
    if (this.decoder.state !== 'closed') this.decoder.close()
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure
  }
}

/** An Opus track's header: its decoder config's description (Matroska's CodecPrivate) holds it. */
function opusHeadOf(config: AudioDecoderConfig): OpusHead | undefined {
  const { codec, description } = config
  if (codec !== 'opus' || !description) return undefined
  const bytes = ArrayBuffer.isView(description)
    ? new Uint8Array(description.buffer, description.byteOffset, description.byteLength)
    : new Uint8Array(description)
  return parseOpusHead(bytes)
}

/** Packets decoded in one libopus call: a second of 20 ms packets. */
const OPUS_PACKETS_PER_CALL = 50

/**
 * Opus in WebM (as Egress writes it) or MP4 goes to the worker's libopus, as an Ogg's does, a
 * second of packets a call: WebCodecs' decoder spends some 65 µs on every call, and an hour is
 * 180,000 packets. A packet's samples go where the player plays them: at its time less the
 * stream's pre-skip, which RFC 7845 counts at 48 kHz.
 */
async function decodeOpusPackets(
  track: InputAudioTrack,
  head: OpusHead,
  job: MediaJob,
): Promise<RangeResult> {
  const decoder = await workerOpusDecoder(head)
  const rate = OPUS_DECODE_RATE
  const endS = rangeEndS(job)
  const skipS = head.preSkip / 48_000
  const sink = new RangeSink(head.channels, rate, job.fromS * rate, endS * rate)
  let batch: Uint8Array[] = []
  let batchAt = 0
  let nextS = 0
  const flush = () => {
    if (batch.length === 0) return
    const out = decoder.decodeFrames(batch)
    sink.take(out.channelData, out.samplesDecoded, batchAt)
    batch = []
  }
  // Packets ahead of the range only prime the decoder: the sink drops what they decode to.
  const packets = new EncodedPacketSink(track)
  const fromS = Math.max(0, job.fromS + skipS - PREROLL_S)
  const first = (await packets.getPacket(fromS)) ?? (await packets.getFirstPacket())
  if (!first) throw new Error('no audio in this range')
  for await (const packet of packets.packets(first)) {
    const atS = packet.timestamp - skipS
    if (atS >= endS || sink.full) break
    // A gap in the packets' times (a lost packet, a pause in the stream) starts a new batch.
    if (batch.length > 0 && Math.abs(atS - nextS) > 0.001) flush()
    if (batch.length === 0) batchAt = Math.round(atS * rate)
    batch.push(packet.data)
    nextS = atS + packet.duration
    if (batch.length === OPUS_PACKETS_PER_CALL) flush()
  }
  flush()
  return sink.result()
}

/** PCM (WAVs the page's reader does not take): mediabunny converts the samples itself. */
async function decodePcm(track: InputAudioTrack, job: MediaJob) {
  let output: RangeOutput | undefined
  for await (const sample of new AudioSampleSink(track).samples(job.fromS, rangeEndS(job))) {
    try {
      output ??= new RangeOutput(job, sample.timestamp)
      output.take(sample, sample.timestamp * 1e6)
      if (output.full) break
    } finally {
      sample.close()
    }
  }
  if (!output) throw new Error('no audio decoded in this range')
  return output.result()
}
