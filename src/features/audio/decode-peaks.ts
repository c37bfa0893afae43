import type { AlignmentFeatures } from '../../domain/audio/features'
import { FeatureAccumulator } from '../../domain/audio/features'
import { binPeaks, stereoUserOnset } from '../../domain/audio/peaks'
import type { WorkerReply } from './opus-peaks.worker'

/** 16 kHz keeps what the alignment features need (up to 8 kHz) and no more. */
const DECODE_SAMPLE_RATE = 16_000

export interface DecodedAudio {
  peaks: Float32Array[]
  duration: number
  channels: number
  /** Seconds into the file where the first channel first carries speech. */
  firstUserOnset?: number
  /** Computed in the same pass as the peaks, for the audio alignment. */
  features?: AlignmentFeatures
}

/**
 * Peaks of a recording. Ogg/Opus (the agent's audio.ogg, Egress OGG) is decoded by libopus in a
 * worker, in chunks; anything else, or an Opus file the worker cannot read, by the browser.
 */
export async function decodePeaks(data: ArrayBuffer, signal?: AbortSignal): Promise<DecodedAudio> {
  if (isOggOpus(data)) {
    try {
      return await decodeOpusInWorker(data.slice(0), signal)
    } catch (error) {
      if (signal?.aborted) throw error
      console.warn('Turnline: Opus worker failed, decoding in the browser instead', error)
    }
  }
  return decodeInBrowser(data)
}

function isOggOpus(data: ArrayBuffer): boolean {
  const head = new TextDecoder('latin1').decode(
    new Uint8Array(data, 0, Math.min(128, data.byteLength)),
  )
  return head.startsWith('OggS') && head.includes('OpusHead')
}

/** The worker is stopped as soon as the decode is no longer wanted. */
function decodeOpusInWorker(data: ArrayBuffer, signal?: AbortSignal): Promise<DecodedAudio> {
  const worker = new Worker(new URL('./opus-peaks.worker.ts', import.meta.url), { type: 'module' })
  return new Promise<DecodedAudio>((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('decode abandoned')), { once: true })
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.ok) resolve(event.data.audio)
      else reject(new Error(event.data.error))
    }
    worker.onerror = (event) => reject(new Error(event.message || 'worker failed'))
    worker.postMessage(data, [data])
  }).finally(() => worker.terminate())
}

/** `decodeAudioData` holds the whole file decoded at its own rate: fine for minutes, not hours. */
async function decodeInBrowser(data: ArrayBuffer): Promise<DecodedAudio> {
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: 1,
    sampleRate: DECODE_SAMPLE_RATE,
  })
  const buffer = await context.decodeAudioData(data)
  const peaks = Array.from({ length: buffer.numberOfChannels }, (_, c) =>
    binPeaks(buffer.getChannelData(c), buffer.sampleRate),
  )
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) =>
    buffer.getChannelData(c),
  )
  const features = new FeatureAccumulator(channels.length, buffer.sampleRate)
  features.push(channels, buffer.length)
  const decoded: DecodedAudio = {
    peaks,
    duration: buffer.duration,
    channels: buffer.numberOfChannels,
    features: features.result(),
  }
  const onset = stereoUserOnset(peaks)
  if (onset !== undefined) decoded.firstUserOnset = onset
  return decoded
}
