/// <reference lib="webworker" />
import type { OggOpusDecodedAudio } from 'ogg-opus-decoder'
import { OggOpusDecoder } from 'ogg-opus-decoder'
import { FeatureAccumulator, featureBuffers } from '../../domain/audio/features'
import { PeakAccumulator, stereoUserOnset } from '../../domain/audio/peaks'
import type { DecodedAudio } from './decode-peaks'

/**
 * Decodes an Ogg/Opus file with libopus (WASM) in chunks and keeps only peaks, so an hour of
 * stereo costs a few MB instead of the gigabytes `decodeAudioData` holds (performance.md §3).
 */
export type WorkerReply = { ok: true; audio: DecodedAudio } | { ok: false; error: string }

const CHUNK_BYTES = 256 * 1024

self.onmessage = async (event: MessageEvent<ArrayBuffer>) => {
  try {
    const audio = await decode(new Uint8Array(event.data))
    const reply: WorkerReply = { ok: true, audio }
    self.postMessage(reply, [
      ...audio.peaks.map((p) => p.buffer),
      ...(audio.features ? featureBuffers(audio.features) : []),
    ])
  } catch (error) {
    const reply: WorkerReply = {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }
    self.postMessage(reply)
  }
}

async function decode(bytes: Uint8Array): Promise<DecodedAudio> {
  const decoder = new OggOpusDecoder()
  await decoder.ready
  let peaks: PeakAccumulator | undefined
  let features: FeatureAccumulator | undefined
  const take = (decoded: OggOpusDecodedAudio) => {
    if (decoded.samplesDecoded === 0) return
    peaks ??= new PeakAccumulator(decoded.channelData.length, decoded.sampleRate)
    features ??= new FeatureAccumulator(decoded.channelData.length, decoded.sampleRate)
    peaks.push(decoded.channelData, decoded.samplesDecoded)
    features.push(decoded.channelData, decoded.samplesDecoded)
  }
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    // The declared type is synchronous; the implementation returns a promise.
    take(await Promise.resolve(decoder.decode(bytes.subarray(at, at + CHUNK_BYTES))))
  }
  take(await decoder.flush())
  decoder.free()
  if (!peaks) throw new Error('no Opus audio in the file')
  const result = peaks.result()
  const audio: DecodedAudio = {
    peaks: result,
    duration: peaks.duration,
    channels: peaks.channels,
    ...(features ? { features: features.result() } : {}),
  }
  const onset = stereoUserOnset(result)
  if (onset !== undefined) audio.firstUserOnset = onset
  return audio
}
