import { readFileSync } from 'node:fs'
import { MPEGDecoder } from 'mpg123-decoder'
import { expect, test } from 'vitest'
import { streamingMpegFeed } from './streaming-mpeg'

const bytes = new Uint8Array(
  readFileSync(new URL('./__fixtures__/stereo-48k.mp3', import.meta.url)),
)

/**
 * A block's samples as bytes, compared bit for bit: `toEqual` walks 385,920 samples one matcher
 * call each, 4.5 s of the test's 5 s on a slow machine.
 */
function bits(samples: Float32Array): Uint8Array {
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)
}

async function decoder() {
  const made = new MPEGDecoder({ enableGapless: false })
  await made.ready
  return made
}

test('blocks straight from the decoder’s memory are the samples of the library’s own decode', async () => {
  const own = (await decoder()).decode(bytes)
  const feed = streamingMpegFeed(await decoder())
  const left = new Float32Array(own.samplesDecoded)
  const right = new Float32Array(own.samplesDecoded)
  let at = 0
  const bufferSizes = new Set<number>()
  for (let from = 0; from < bytes.length; from += 5000)
    feed(bytes.subarray(from, from + 5000), ([l, r], samples) => {
      left.set(l!.subarray(0, samples), at)
      right.set(r!.subarray(0, samples), at)
      at += samples
      bufferSizes.add(l!.buffer.byteLength)
    })
  expect(at).toBe(own.samplesDecoded)
  expect(Buffer.compare(bits(left), bits(own.channelData[0]!))).toBe(0)
  expect(Buffer.compare(bits(right), bits(own.channelData[1]!))).toBe(0)
  // Views into the WASM memory, not arrays made for each block.
  expect(Math.min(...bufferSizes)).toBeGreaterThan(1 << 20)
})
