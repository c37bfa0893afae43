import { expect, it } from 'vitest'
import { PartBuffers } from './part-buffers'

/** A part that counts how often its bytes are read. */
class Part extends Blob {
  reads = 0
  constructor(
    readonly fill: number,
    size: number,
  ) {
    super([new Uint8Array(size).fill(fill)])
  }
  override stream() {
    this.reads++
    return super.stream()
  }
}

const summary = (bytes: Uint8Array) => [bytes.length, bytes[0], bytes.at(-1)]

it('gives each part’s bytes, and reads again only a part no longer among those kept', async () => {
  const buffers = new PartBuffers(2)
  const [a, b, c] = [new Part(1, 3000), new Part(2, 5000), new Part(3, 1000)]
  expect(await buffers.with('a', a, summary)).toEqual([3000, 1, 1])
  expect(await buffers.with('b', b, summary)).toEqual([5000, 2, 2])
  expect(await buffers.with('a', a, summary)).toEqual([3000, 1, 1])
  expect([a.reads, b.reads]).toEqual([1, 1])
  // `b` was used least recently: its buffer takes `c`, then `b` is read again into another.
  expect(await buffers.with('c', c, summary)).toEqual([1000, 3, 3])
  expect(await buffers.with('b', b, summary)).toEqual([5000, 2, 2])
  expect([a.reads, b.reads, c.reads]).toEqual([1, 2, 1])

  const one = new PartBuffers()
  for (const [key, part] of [
    ['a', a],
    ['a', a],
    ['b', b],
    ['a', a],
  ] as const)
    await one.with(key, part, summary)
  expect([a.reads, b.reads]).toEqual([3, 3])
})

it('never reads a part into a buffer another call is still using', async () => {
  const buffers = new PartBuffers()
  const parts = [1, 2, 3, 4, 5].map((fill) => new Part(fill, 200_000))
  const sums = await Promise.all(
    parts.map((part, i) => buffers.with(i, part, (bytes) => bytes.reduce((s, x) => s + x, 0))),
  )
  expect(sums).toEqual(parts.map((p) => p.fill * 200_000))
})

it('reads again after a part that could not be read', async () => {
  const buffers = new PartBuffers()
  const broken = new Part(9, 100)
  broken.stream = () =>
    new ReadableStream({
      type: 'bytes',
      pull: (controller) => controller.error(new Error('gone')),
    })
  await expect(buffers.with('x', broken, summary)).rejects.toThrow('gone')
  expect(await buffers.with('y', new Part(7, 10), summary)).toEqual([10, 7, 7])
  expect(await buffers.with('x', new Part(8, 20), summary)).toEqual([20, 8, 8])
})
