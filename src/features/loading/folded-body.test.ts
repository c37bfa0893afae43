import { describe, expect, it } from 'vitest'
import { bodyChunks, FoldedBody } from './fetch-source'

const SIZES = [3_000_000, 2_000_000, 5, 4_500_000, 17, 1_300_000]
const total = SIZES.reduce((a, b) => a + b, 0)
const byteAt = (i: number) => i % 251

function pieces(): Uint8Array<ArrayBuffer>[] {
  let next = 0
  return SIZES.map((size) => {
    const piece = new Uint8Array(size).map((_, i) => byteAt(next + i))
    next += size
    return piece
  })
}

async function readAll(stream: ReadableStream<Uint8Array<ArrayBuffer>>) {
  const body = new FoldedBody()
  for await (const chunk of bodyChunks(stream, body)) body.take(chunk)
  return new Uint8Array(await body.blob().arrayBuffer())
}

const inOrder = (bytes: Uint8Array) => bytes.every((v, i) => v === byteAt(i))

describe('a body folded into Blobs every few MB', () => {
  it('is the same bytes, in order, from a byte stream read into its own buffer', async () => {
    const bytes = new Uint8Array(total)
    let at = 0
    for (const piece of pieces()) {
      bytes.set(piece, at)
      at += piece.length
    }
    const stream = new Response(bytes).body as ReadableStream<Uint8Array<ArrayBuffer>>
    const whole = await readAll(stream)
    expect(whole.length).toBe(total)
    expect(inOrder(whole)).toBe(true)
  })

  it('is the same bytes from a stream that hands out its own chunks, across fold boundaries', async () => {
    const chunks = pieces()
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        const chunk = chunks.shift()
        if (chunk) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const whole = await readAll(stream)
    expect(whole.length).toBe(total)
    expect(inOrder(whole)).toBe(true)
  })

  it('cancels the stream when the reader stops early', async () => {
    let cancelled = false
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: (controller) => controller.enqueue(new Uint8Array(1000)),
      cancel: () => {
        cancelled = true
      },
    })
    const body = new FoldedBody()
    let read = 0
    for await (const chunk of bodyChunks(stream, body)) if ((read += chunk.byteLength) > 5000) break
    expect(cancelled).toBe(true)
  })
})
