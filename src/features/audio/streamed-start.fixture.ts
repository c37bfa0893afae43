import { vi } from 'vitest'
import type { GrowingFile } from './growing-file'
import type { StreamedStart } from './streamed-start'

/** Ranged reads of `file`, answered as a server does; each one's range is kept. */
export function serve(file: Uint8Array<ArrayBuffer>) {
  const asked: string[] = []
  vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? ''
    asked.push(range)
    const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(range) ?? []
    const [start, end] = [Number(from), Number(to)]
    const headers = { 'content-range': `bytes ${start}-${end}/${file.length}` }
    return Promise.resolve(new Response(file.slice(start, end + 1), { status: 206, headers }))
  })
  return asked
}

/** A download of `file` whose first bytes are in, as the linked-call loader makes it. */
export function downloading(file: Uint8Array<ArrayBuffer>, tailBytes: number) {
  const blob = new Blob([file])
  const upTo = vi.fn((bytes: number) => Promise.resolve(blob.slice(0, bytes)))
  const growing = { url: 'https://example.com/recording', upTo } as unknown as GrowingFile
  const begun: StreamedStart = {
    size: file.length,
    start: blob.slice(0, 32 * 1024),
    tail: file.slice(file.length - tailBytes),
    tailStart: file.length - tailBytes,
  }
  return { growing, begun, upTo }
}
