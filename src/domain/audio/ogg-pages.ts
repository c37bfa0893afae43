/**
 * Just enough Ogg (RFC 3533) and Ogg Opus (RFC 7845) to cut a file at page boundaries and hand
 * raw Opus packets to a decoder: a page index, packet reassembly across pages, the ID header.
 */
export interface OggPage {
  /** Byte offset of the page header in the file (or buffer) scanned. */
  offset: number
  /** Header plus body, in bytes. */
  size: number
  headerSize: number
  /** 48 kHz sample position after the last packet that ends on this page; -1 when none ends here. */
  granule: number
  /** The page starts with the rest of a packet begun on the previous page. */
  continued: boolean
  /** Lacing values: a packet ends at every value below 255. */
  lacing: Uint8Array
}

export interface OpusHead {
  channels: number
  /** 48 kHz samples to drop at the start of the stream. */
  preSkip: number
  mappingFamily: number
  streamCount: number
  coupledStreamCount: number
  channelMappingTable: number[]
}

const CAPTURE = [0x4f, 0x67, 0x67, 0x53] // "OggS"
const HEADER_BYTES = 27

function isCapture(bytes: Uint8Array, at: number): boolean {
  return CAPTURE.every((b, i) => bytes[at + i] === b)
}

/** The page starting at `at`, or undefined if there is no whole page there. */
export function pageAt(bytes: Uint8Array, at: number): OggPage | undefined {
  if (at + HEADER_BYTES > bytes.length || !isCapture(bytes, at)) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, HEADER_BYTES)
  const segments = view.getUint8(26)
  const headerSize = HEADER_BYTES + segments
  if (at + headerSize > bytes.length) return undefined
  const lacing = bytes.subarray(at + HEADER_BYTES, at + headerSize)
  let body = 0
  for (const value of lacing) body += value
  if (at + headerSize + body > bytes.length) return undefined
  return {
    offset: at,
    size: headerSize + body,
    headerSize,
    granule: Number(view.getBigInt64(6, true)),
    continued: (view.getUint8(5) & 1) === 1,
    lacing,
  }
}

/** Every whole page, in order; stops at the first byte that does not start a page (truncation). */
export function scanOggPages(bytes: Uint8Array): OggPage[] {
  const pages: OggPage[] = []
  let at = 0
  for (let page = pageAt(bytes, at); page; page = pageAt(bytes, at)) {
    pages.push(page)
    at += page.size
  }
  return pages
}

/**
 * Rebuilds packets from consecutive pages. A packet that began before the first page pushed is
 * incomplete and dropped.
 */
export class OggPacketReader {
  private pending: Uint8Array[] = []
  private started = false

  push(bytes: Uint8Array, page: OggPage): Uint8Array[] {
    const packets: Uint8Array[] = []
    // A packet cut off by a missing continuation is lost either way.
    if (!page.continued) this.pending = []
    let dropping = page.continued && !this.started
    this.started = true
    let at = page.offset + page.headerSize
    for (const value of page.lacing) {
      if (!dropping) this.pending.push(bytes.subarray(at, at + value))
      at += value
      if (value < 255) {
        if (!dropping) packets.push(concat(this.pending))
        this.pending = []
        dropping = false
      }
    }
    return packets
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const OPUS_HEAD = 'OpusHead'

export function parseOpusHead(packet: Uint8Array): OpusHead | undefined {
  if (packet.length < 19) return undefined
  if (String.fromCharCode(...packet.subarray(0, 8)) !== OPUS_HEAD) return undefined
  const view = new DataView(packet.buffer, packet.byteOffset, packet.length)
  const channels = view.getUint8(9)
  const mappingFamily = view.getUint8(18)
  const head = { channels, preSkip: view.getUint16(10, true), mappingFamily }
  if (mappingFamily === 0) {
    const stereo = channels === 2
    return {
      ...head,
      streamCount: 1,
      coupledStreamCount: stereo ? 1 : 0,
      channelMappingTable: stereo ? [0, 1] : [0],
    }
  }
  if (packet.length < 21 + channels) return undefined
  return {
    ...head,
    streamCount: view.getUint8(19),
    coupledStreamCount: view.getUint8(20),
    channelMappingTable: Array.from(packet.subarray(21, 21 + channels)),
  }
}

/** The OpusHead of a stream whose first pages (`pages`, scanned from `bytes`) carry it. */
export function opusHeadOf(bytes: Uint8Array, pages: readonly OggPage[]): OpusHead | undefined {
  const first = pages[0]
  return first && parseOpusHead(new OggPacketReader().push(bytes, first)[0] ?? bytes)
}

/** Index of the first audio page: the ID and comment headers are the pages at granule 0. */
export function firstAudioPage(pages: readonly OggPage[]): number {
  const index = pages.findIndex((p, i) => i > 0 && p.granule !== 0)
  return index === -1 ? pages.length : index
}

/**
 * Whether any page after the headers carries audio. A recording cut off after its headers has no
 * such page, and one closed without audio ends on an empty page whose granule still claims a
 * duration.
 */
export function hasAudioPackets(pages: readonly OggPage[]): boolean {
  return pages.slice(firstAudioPage(pages)).some((p) => p.size > p.headerSize)
}
