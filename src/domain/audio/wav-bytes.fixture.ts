/** A RIFF/WAVE file: `fmt ` with these fields, any chunks in `before`, then `data`. */
export function wavBytes(options: {
  code?: number
  channels: number
  rate: number
  bits: number
  data: Uint8Array
  before?: { id: string; body: Uint8Array }[]
  dataSize?: number
  extensibleCode?: number
}): Uint8Array<ArrayBuffer> {
  const { channels, rate, bits, data } = options
  const chunks: { id: string; body: Uint8Array }[] = []
  const extensible = options.extensibleCode !== undefined
  const fmt = new DataView(new ArrayBuffer(extensible ? 40 : 16))
  fmt.setUint16(0, extensible ? 0xfffe : (options.code ?? 1), true)
  fmt.setUint16(2, channels, true)
  fmt.setUint32(4, rate, true)
  fmt.setUint32(8, (rate * channels * bits) / 8, true)
  fmt.setUint16(12, (channels * bits) / 8, true)
  fmt.setUint16(14, bits, true)
  if (extensible) {
    fmt.setUint16(16, 22, true)
    fmt.setUint16(24, options.extensibleCode ?? 1, true)
  }
  chunks.push({ id: 'fmt ', body: new Uint8Array(fmt.buffer) }, ...(options.before ?? []))
  const head: number[] = [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')]
  for (const chunk of chunks) {
    head.push(...ascii(chunk.id), ...u32(chunk.body.length), ...chunk.body)
    if (chunk.body.length & 1) head.push(0)
  }
  head.push(...ascii('data'), ...u32(options.dataSize ?? data.length))
  const file = new Uint8Array(head.length + data.length)
  file.set(head)
  file.set(data, head.length)
  return file
}

export const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const u32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255]
