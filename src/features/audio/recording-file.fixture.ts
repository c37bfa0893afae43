import type { RecordingFile } from './recording-file'

/** `blob` as a download makes it: a Blob of parts of `partBytes` each (the last one shorter). */
export function inParts(blob: Blob, partBytes: number): Required<RecordingFile> {
  const parts: Blob[] = []
  for (let at = 0; at < blob.size; at += partBytes) parts.push(blob.slice(at, at + partBytes))
  return { blob: new Blob(parts), parts }
}
