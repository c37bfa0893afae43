import { PartBuffers } from './part-buffers'
import type { BytesAt, RecordingFile } from './recording-file'
import { copyBytes } from './recording-file'

/** `blob` as a download makes it: a Blob of parts of `partBytes` each (the last one shorter). */
export function inParts(blob: Blob, partBytes: number): Required<RecordingFile> {
  const parts: Blob[] = []
  for (let at = 0; at < blob.size; at += partBytes) parts.push(blob.slice(at, at + partBytes))
  return { blob: new Blob(parts), parts }
}

/** The bytes `at` names, read as a worker reads them. */
export async function readBytesAt(at: BytesAt): Promise<number[]> {
  const out = new Uint8Array(at.end - at.start)
  await copyBytes(at, out, new PartBuffers(), (piece) => piece.at)
  return [...out]
}
