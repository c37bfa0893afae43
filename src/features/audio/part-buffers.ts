interface Slot {
  key: unknown
  buffer: ArrayBuffer
  length: number
}

/**
 * Whole parts of a recording, read into buffers used again from part to part. Read with
 * `arrayBuffer()`, every part is a new buffer of its size, which a worker's heap keeps until its
 * next full collection: decoding an hour of WAV that way held some 60 MB of garbage in each
 * decode worker. The parts read last are kept, known by a key their reader gives them: one by
 * default, since a range mostly starts in the part the one before it ended in.
 */
export class PartBuffers {
  /** The most recently used first. */
  private slots: Slot[] = []
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly kept = 1) {}

  /**
   * Runs `use` on the bytes of `part`, known as `key`; the bytes are valid only while it runs.
   * Calls run one after the other, so a buffer is never read into while another call uses it.
   */
  with<T>(key: unknown, part: Blob, use: (bytes: Uint8Array<ArrayBuffer>) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const slot = await this.slotFor(key, part)
      return use(new Uint8Array(slot.buffer, 0, slot.length))
    })
    this.queue = run.catch(() => {})
    return run
  }

  private async slotFor(key: unknown, part: Blob): Promise<Slot> {
    const found = this.slots.findIndex((s) => s.key === key)
    const slot =
      found >= 0
        ? this.slots.splice(found, 1)[0]!
        : this.slots.length < this.kept
          ? { key, buffer: new ArrayBuffer(0), length: 0 }
          : this.slots.pop()!
    this.slots.unshift(slot)
    if (found >= 0) return slot
    // Forgotten first: a failed read leaves the slot empty, not holding another part's key.
    slot.key = undefined
    slot.buffer = await readInto(part, slot.buffer)
    slot.length = part.size
    slot.key = key
    return slot
  }
}

/**
 * The bytes of `blob` at the start of `buffer` (or of a larger one when it is too small), read
 * through a byte stream into it; the ArrayBuffer returned holds them (reading moves the memory).
 */
async function readInto(blob: Blob, buffer: ArrayBuffer): Promise<ArrayBuffer> {
  let target = buffer.byteLength >= blob.size ? buffer : new ArrayBuffer(blob.size)
  let reader: ReadableStreamBYOBReader
  try {
    reader = blob.stream().getReader({ mode: 'byob' })
  } catch {
    // A browser whose Blob streams are not byte streams reads a new buffer.
    return blob.arrayBuffer()
  }
  let filled = 0
  try {
    while (filled < blob.size) {
      const { value, done } = await reader.read(new Uint8Array(target, filled, blob.size - filled))
      if (value) target = value.buffer
      if (done || !value) break
      filled += value.byteLength
    }
  } finally {
    void reader.cancel().catch(() => {})
  }
  if (filled < blob.size) throw new Error(`read ${filled} of a part's ${blob.size} bytes`)
  return target
}
