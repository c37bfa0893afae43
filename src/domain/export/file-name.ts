export interface CallNaming {
  room?: string | undefined
  jobId?: string | undefined
  /** Epoch seconds of the recording's first sample. */
  t0Unix?: number | undefined
  /** The recording's file name, used only when the call has no room or job id. */
  recordingName?: string | undefined
}

/** Letters, digits, dot, dash and underscore only: safe on every file system. */
function safe(part: string): string {
  return part
    .trim()
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
}

/**
 * Download names from the call, not the recording (every LiveKit recording is `audio.ogg`):
 * the room, else the job id, else the recording's name, then the UTC date of the call.
 */
export function exportBaseName(call: CallNaming): string {
  const recording = call.recordingName?.replace(/\.[^.]+$/, '')
  const id = [call.room, call.jobId, recording].map((p) => safe(p ?? '')).find((p) => p !== '')
  const date =
    call.t0Unix !== undefined && Number.isFinite(call.t0Unix) && call.t0Unix > 0
      ? new Date(call.t0Unix * 1000).toISOString().slice(0, 10)
      : undefined
  return [id ?? 'call', date].filter(Boolean).join('-')
}
