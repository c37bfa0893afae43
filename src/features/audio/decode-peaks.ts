import { binPeaks, firstOnset } from '../../domain/audio/peaks'

const DECODE_SAMPLE_RATE = 8000

export interface DecodedAudio {
  peaks: Float32Array[]
  duration: number
  channels: number
  /** Seconds into the file where the first channel first carries speech. */
  firstUserOnset?: number
}

/**
 * Decodes in the browser at a low rate and keeps only peaks. Fine for calls of minutes; long calls
 * need the worker decoder of performance.md §3 (a later issue).
 */
export async function decodePeaks(data: ArrayBuffer): Promise<DecodedAudio> {
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: 1,
    sampleRate: DECODE_SAMPLE_RATE,
  })
  const buffer = await context.decodeAudioData(data)
  const peaks = Array.from({ length: buffer.numberOfChannels }, (_, c) =>
    binPeaks(buffer.getChannelData(c), buffer.sampleRate),
  )
  const decoded: DecodedAudio = {
    peaks,
    duration: buffer.duration,
    channels: buffer.numberOfChannels,
  }
  // Only a stereo agent recording has the user alone on the left channel (formats.md §3.2).
  const onset = peaks.length >= 2 && peaks[0] ? firstOnset(peaks[0]) : undefined
  if (onset !== undefined) decoded.firstUserOnset = onset
  return decoded
}
