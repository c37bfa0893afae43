import { describe, expect, it, test } from 'vitest'
import { ReceivedBytes } from './received-bytes'
import { contentKey } from '../audio/content-key'
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
  received.fold(bytes(0, 8))
  received.push(bytes(8, 4))
  let done = false
  void later.then(() => (done = true))
  await Promise.resolve()
  expect(done).toBe(false)
  received.fold(bytes(8, 4))
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

describe('a WAV too large to keep', () => {
  const PART = 128 * 1024
  const SIZE = 11 * PART + 5000
  const file = new Uint8Array(SIZE).map((_, i) => (i * 7 + (i >> 9)) % 256)
  file.set(new TextEncoder().encode('RIFF'), 0)
  file.set(new TextEncoder().encode('WAVE'), 8)

  /** A download of `file` that has come in up to byte `to`, in chunks of 4096 and parts of PART. */
  function download(heldBytes = SIZE - 1, keep = 4000) {
    const received = new ReceivedBytes('big.wav', keep, heldBytes)
    received.begin(SIZE)
    let loaded = 0
    const arrive = (to: number) => {
      for (; loaded < to; loaded = Math.min(to, loaded + 4096)) {
        const end = Math.min(to, loaded + 4096)
        received.push(file.slice(loaded, end))
        if (end % PART === 0 || end === SIZE)
          received.fold(file.slice(end - (end % PART || PART), end))
      }
      if (loaded === SIZE) received.end(received.received())
    }
    return { received, arrive }
  }
  const slice = (start: number, end: number) => [...file.subarray(start, end)]

  it('holds a few parts until its reader chooses, and always the bytes a read waits for', async () => {
    // Its first bytes are kept apart for reads (a header, the first slice): here, four parts.
    const { received, arrive } = download(SIZE - 1, 4 * PART)
    arrive(2 * PART)
    expect(received.holding).toBe('held')
    expect(received.room()).toBeUndefined()
    arrive(3 * PART)
    // Three parts are held: the body waits.
    const room = received.room()
    expect(room).toBeInstanceOf(Promise)
    // A read waiting for bytes not yet in lets the body read on, however much is held.
    const waiting = received.upTo(4 * PART)
    expect(received.room()).toBeUndefined()
    arrive(4 * PART)
    expect(await content(await waiting)).toEqual(slice(0, 4 * PART))
    // Kept whole after all, it reads on to its end.
    let roomy = false
    void room?.then(() => (roomy = true))
    received.keepWhole()
    await Promise.resolve()
    expect(roomy).toBe(true)
    expect(received.holding).toBe('whole')
    expect(received.room()).toBeUndefined()
    arrive(SIZE)
    expect(await content(await received.whole)).toEqual(slice(0, SIZE))
    expect(await readBytesAt((await received.bytesAt(PART - 5, PART + 5))!)).toEqual(
      slice(PART - 5, PART + 5),
    )
  })

  it('goes by held nowhere once dropped: its download ends', async () => {
    const { received, arrive } = download()
    arrive(4 * PART)
    received.drop()
    expect(received.holding).toBe('dropped')
    expect(received.dropped.aborted).toBe(true)
    expect(received.room()).toBeUndefined()
    expect(await received.bytesAt(0, 10)).toBeUndefined()
    arrive(SIZE)
    expect(await received.whole).toBeUndefined()
    expect(received.received().size).toBe(0)
  })

  it('is kept whole when it is not over the size, or not a WAV', () => {
    const small = download(SIZE)
    small.arrive(PART)
    expect(small.received.holding).toBe('whole')
    const other = new ReceivedBytes('big.ogg', 4000, 10)
    other.begin(SIZE)
    other.push(new Uint8Array(100))
    expect(other.holding).toBe('whole')
  })
})

test('a body that is not the size its headers announced has no keys', async () => {
  const received = new ReceivedBytes('short.ogg')
  received.begin(10)
  received.push(bytes(0, 8))
  received.end(new Blob([bytes(0, 8)]))
  expect(await received.keys()).toBeUndefined()
  const exact = new ReceivedBytes('exact.ogg')
  exact.begin(8)
  exact.push(bytes(0, 8))
  exact.end(new Blob([bytes(0, 8)]))
  expect((await exact.keys())?.key).toBe(await contentKey(new Blob([bytes(0, 8)])))
})

test('a paused download reads on once its wait is over, or while a read waits for bytes', async () => {
  const received = new ReceivedBytes('reopened.ogg')
  received.begin(12)
  received.push(bytes(0, 4))
  let over: () => void = () => {}
  received.pauseUntil(new Promise((resolve) => (over = resolve)))
  const room = received.room()
  expect(room).toBeInstanceOf(Promise)
  let readOn = false
  void room?.then(() => (readOn = true))
  // A read waiting for bytes not yet in lets the body read on.
  const waiting = received.upTo(6)
  await Promise.resolve()
  expect(readOn).toBe(true)
  expect(received.room()).toBeUndefined()
  received.push(bytes(4, 4))
  expect(await content(await waiting)).toEqual([0, 1, 2, 3, 4, 5])
  // No read waiting: paused again, until the wait is over.
  const again = received.room()
  expect(again).toBeInstanceOf(Promise)
  over()
  await again
  expect(received.room()).toBeUndefined()
})
