/**
 * AAC frames handed to the decoder in one chunk. Chromium's `AudioDecoder` spends some 65 µs on a
 * call however short its chunk, and an hour of AAC is 169,000 frames: 11 s of a worker's time
 * one frame a call, 2 s sixteen a call, decoded to the same samples.
 */
export const AAC_FRAMES_PER_CHUNK = 16

/** Frames the probe decodes one by one and then together. */
export const PROBE_FRAMES = 8

/** A recording's first `PROBE_FRAMES` AAC frames as chunks of up to `perChunk` frames each. */
export type OpeningChunks = (perChunk: number) => AsyncIterable<EncodedAudioChunk>

/**
 * How many AAC frames of this recording the decoder takes in one chunk: `AAC_FRAMES_PER_CHUNK` if
 * it decodes the recording's first frames sent together to as many samples as sent one by one,
 * else 1. WebCodecs' AAC registration asks a decoder for one raw frame a chunk; one that takes
 * several (Chromium's, FFmpeg's) shows it here, one that does not (it would decode the first frame
 * of each chunk only, or fail) is given one at a time.
 */
export async function aacFramesPerChunk(
  opening: OpeningChunks,
  config: AudioDecoderConfig,
): Promise<number> {
  const decoded = async (perChunk: number) => {
    const chunks: EncodedAudioChunk[] = []
    for await (const chunk of opening(perChunk)) chunks.push(chunk)
    return framesDecoded(config, chunks)
  }
  const [alone, together] = await Promise.all([decoded(1), decoded(PROBE_FRAMES)])
  return alone > 0 && together === alone ? AAC_FRAMES_PER_CHUNK : 1
}

/** The sample frames a new decoder makes of `chunks`; -1 when it fails. */
async function framesDecoded(
  config: AudioDecoderConfig,
  chunks: EncodedAudioChunk[],
): Promise<number> {
  let frames = 0
  const decoder = new AudioDecoder({
    output: (data) => {
      frames += data.numberOfFrames
      data.close()
    },
    // The failure rejects `flush` as well.
    error: () => undefined,
  })
  try {
    decoder.configure(config)
    for (const chunk of chunks) decoder.decode(chunk)
    await decoder.flush()
    return frames
  } catch {
    return -1
  } finally {
    if (decoder.state !== 'closed') decoder.close()
  }
}
