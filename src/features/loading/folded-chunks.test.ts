import { expect, test } from 'vitest'
import { FoldedChunks } from './fetch-source'

test('chunks folded into Blobs every few MB make the same body, in order', async () => {
  const body = new FoldedChunks()
  const sizes = [3_000_000, 2_000_000, 5, 4_500_000, 17]
  let next = 0
  for (const size of sizes) {
    const chunk = new Uint8Array(size)
    for (let i = 0; i < size; i++) chunk[i] = (next + i) % 251
    next += size
    body.push(chunk)
  }
  const whole = new Uint8Array(await body.blob().arrayBuffer())
  expect(whole.length).toBe(next)
  expect(whole.every((v, i) => v === i % 251)).toBe(true)
})
