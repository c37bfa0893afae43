import { expect, test } from 'vitest'
import { ReceivedBytes } from './received-bytes'
import { readBytesAt } from '../audio/recording-file.fixture'

const bytes = (from: number, length: number) =>
  new Uint8Array(Array.from({ length }, (_, i) => (from + i) % 256))

async function content(blob: Blob | undefined): Promise<number[]> {
  return blob ? Array.from(new Uint8Array(await blob.arrayBuffer())) : []
}

test('the first bytes are read as soon as they are in, before the download ends', async () => {
  const received = new ReceivedBytes('x.ogg')
  received.begin(10)
  const first = received.upTo(6)
  received.push(bytes(0, 4))
  received.push(bytes(4, 4))
  expect(await content(await first)).toEqual([0, 1, 2, 3, 4, 5])
  expect(await received.sized).toBe(10)
  expect(await content(await received.upTo(8))).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
})

test('a shorter file gives what it has; a failed download gives nothing', async () => {
  const whole = new ReceivedBytes('a.ogg')
  const wanted = whole.upTo(100)
  whole.push(bytes(0, 3))
  whole.end(new Blob([bytes(0, 3)]))
  expect(await content(await wanted)).toEqual([0, 1, 2])
  expect(await content(await whole.upTo(2))).toEqual([0, 1])

  const failed = new ReceivedBytes('b.ogg')
  const waiting = failed.upTo(100)
  failed.push(bytes(0, 3))
  failed.end(undefined)
  expect(await waiting).toBeUndefined()
  expect(await failed.whole).toBeUndefined()
  expect(await failed.sized).toBeUndefined()
})

test('a prefix longer than what is kept is read from the whole file once it is in', async () => {
  const received = new ReceivedBytes('c.ogg', 4)
  received.push(bytes(0, 4))
  received.push(bytes(4, 4))
  expect(await content(await received.upTo(4))).toEqual([0, 1, 2, 3])
  let longer: number[] | undefined
  void received.upTo(6).then(async (blob) => (longer = await content(blob)))
  await Promise.resolve()
  expect(longer).toBeUndefined()
  received.end(new Blob([bytes(0, 8)]))
  await received.whole
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(longer).toEqual([0, 1, 2, 3, 4, 5])
})

test('a range is read once its bytes are in: from the kept chunks, then from the folded parts', async () => {
  const received = new ReceivedBytes('d.wav', 4)
  const read = async (start: number, end: number) => {
    const at = await received.bytesAt(start, end)
    return at && readBytesAt(at)
  }
  const early = read(1, 3)
  const later = read(5, 11)
  received.push(bytes(0, 4))
  expect(await early).toEqual([1, 2])
  // Past the kept bytes, a range waits for the parts the body folds its bytes into.
  received.push(bytes(4, 4))
  received.fold(new Blob([bytes(0, 8)]))
  received.push(bytes(8, 4))
  let done = false
  void later.then(() => (done = true))
  await Promise.resolve()
  expect(done).toBe(false)
  received.fold(new Blob([bytes(8, 4)]))
  expect(await later).toEqual([5, 6, 7, 8, 9, 10])
  expect(await read(7, 12)).toEqual([7, 8, 9, 10, 11])
  received.end(new Blob([bytes(0, 12)]))
  expect(await read(0, 2)).toEqual([0, 1])
  expect(await read(10, 14)).toBeUndefined()
})

test('a range waiting for a download that fails gives nothing', async () => {
  const received = new ReceivedBytes('e.wav', 4)
  const waiting = received.bytesAt(2, 10)
  received.push(bytes(0, 6))
  received.end(undefined)
  expect(await waiting).toBeUndefined()
})
