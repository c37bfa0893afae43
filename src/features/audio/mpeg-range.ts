import type { MPEGDecoder } from 'mpg123-decoder'
import type { MpegFrames } from '../../domain/audio/mpeg-frames'
import { frameCount, MpegFrameScanner, prerollFrame } from '../../domain/audio/mpeg-frames'
import { RangeSink } from '../../domain/audio/range-sink'
import { streamingMpegFeed } from './streaming-mpeg'
import type { DecodeJob, MediaFacts, MediaFile } from './decode-protocol'
import type { PiecedFile, RangeReader } from './recording-file'
import { RecordingReader } from './recording-file'
import { rangeEndS } from './decode-protocol'

/**
 * MP3 (and MP2) through libmpg123 compiled to WASM: for an hour of MP3 it does a third of the
 * work of WebCodecs, which hands over one `AudioData` per 24 ms frame. A worker finds the
 * recording's frames once; each range then reads and decodes only its own frames.
 */

const SCAN_SLICE_BYTES = 4 << 20
/** Frames handed to the decoder at once. */
const FRAMES_PER_CALL = 16

/** The frames of a file that mediabunny recognised as MP3; undefined if none are found. */
export async function mpegFrames(file: RangeReader): Promise<MpegFrames | undefined> {
  const scanner = new MpegFrameScanner()
  await scanOn(scanner, file)
  return scanner.frames()
}

/** Finds frames from where `scanner` stopped, as far as `file`'s bytes in hand go. */
async function scanOn(scanner: MpegFrameScanner, file: RangeReader) {
  while (scanner.next < file.size) {
    const from = scanner.next
    const slice = await file.read(from, from + SCAN_SLICE_BYTES)
    scanner.scan(slice, from + slice.length >= file.size)
    if (scanner.next <= from) break
  }
}

export function mpegFacts(frames: MpegFrames): MediaFacts {
  return {
    duration:
      (frameCount(frames) * frames.samplesPerFrame - frames.leadingSamples) / frames.sampleRate,
    channels: frames.channels,
    codec: 'mp3',
  }
}

let scanned: { fileId: number; found: Promise<ScannedMpeg | undefined> } | undefined

interface ScannedMpeg {
  frames: MpegFrames
  reader: RecordingReader
  /** Found to the file's end; a download's scan goes as far as its pieces in hand. */
  whole: boolean
}

/**
 * A recording the page took for MP3 (`MediaFile.mpeg`), its frames found once per worker, or
 * taken from the probe's; undefined when it holds none, and mediabunny is left to tell what it is.
 */
export function scannedMpeg(file: MediaFile): Promise<ScannedMpeg | undefined> {
  if ('pieces' in file) return scannedSoFar(file)
  if (scanned?.fileId === file.id) return scanned.found
  const reader = new RecordingReader(file)
  // libmpg123 compiles while the frames are found.
  void mpegDecoder(file.id, false).catch(() => {})
  const { frames: known } = file
  const found = known
    ? Promise.resolve({ frames: known, reader, whole: true })
    : mpegFrames(reader).then((frames) => frames && { frames, reader, whole: true })
  scanned = { fileId: file.id, found }
  return found
}

let scanning: { fileId: number; scanner: MpegFrameScanner; reader: RecordingReader } | undefined

/**
 * A download still coming in: its frames as far as the pieces in hand go, found from where the
 * last range's scan stopped (its pieces reach at least as far as the range's frames).
 */
async function scannedSoFar(file: MediaFile & PiecedFile): Promise<ScannedMpeg | undefined> {
  if (scanning?.fileId !== file.id) {
    void mpegDecoder(file.id, false).catch(() => {})
    const reader = new RecordingReader(file)
    scanning = { fileId: file.id, scanner: new MpegFrameScanner(), reader }
  }
  const { scanner, reader } = scanning
  reader.update(file)
  await scanOn(scanner, reader)
  const frames = scanner.frames()
  return frames && { frames, reader, whole: scanner.next >= reader.size }
}

let shared: { decoder: Promise<MPEGDecoder>; fileId: number } | undefined

/**
 * One decoder per worker and recording: a range's preroll frames fill its bit reservoir and
 * overlap again, so it needs no reset (which builds a new WASM instance). The first frame has no
 * frames before it, so its range starts from a clean decoder. Without gapless trimming every
 * frame yields its whole length, so frame k starts at k × its length, less the leading samples
 * that players cut.
 */
async function mpegDecoder(fileId: number, clean: boolean): Promise<MPEGDecoder> {
  if (shared && shared.fileId === fileId && !clean) return shared.decoder
  const previous = shared?.decoder
  const decoder = import('mpg123-decoder').then(async ({ MPEGDecoder }) => {
    ;(await previous)?.free()
    const made = new MPEGDecoder({ enableGapless: false })
    await made.ready
    return made
  })
  shared = { decoder, fileId }
  return decoder
}

/**
 * Decodes the range's frames. `whole` when they were found to the file's end; a download's are
 * found as far as its pieces in hand go, and a range they stop short of fails (a whole file's
 * last frames may end before a range its frame count promised: those decode to nothing).
 */
export async function decodeMpegRange(
  job: Extract<DecodeJob, { kind: 'media' }>,
  frames: MpegFrames,
  file: RangeReader,
  whole = true,
) {
  const { offsets, samplesPerFrame: perFrame, sampleRate: rate, leadingSamples: lead } = frames
  const count = frameCount(frames)
  const frameAt = (s: number) => (s * rate + lead) / perFrame
  if (!whole && !job.last && Math.ceil(frameAt(job.toS)) > count)
    throw new Error(`the frames up to ${job.toS} s of the recording are not in hand`)
  const wanted = Math.min(count, Math.floor(frameAt(job.fromS)))
  const first = prerollFrame(frames, wanted)
  const end = Math.min(count, Math.ceil(frameAt(rangeEndS(job))))
  const base = offsets[first]!
  const bytes = await file.read(base, offsets[end]!)
  const feed = streamingMpegFeed(await mpegDecoder(job.file.id, first === 0))
  const sink = new RangeSink(frames.channels, rate, job.fromS * rate, rangeEndS(job) * rate)
  const channels = frames.channels
  for (let from = first; from < end; from += FRAMES_PER_CALL) {
    const to = Math.min(end, from + FRAMES_PER_CALL)
    // Placed anew at every call, so a frame the decoder drops shifts no more than its own call.
    let position = from * perFrame - lead
    feed(bytes.subarray(offsets[from]! - base, offsets[to]! - base), (channelData, samples) => {
      sink.take(channelData.slice(0, channels), samples, position)
      position += samples
    })
  }
  return sink.result()
}
