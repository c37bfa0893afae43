import { z } from 'zod'
import type { AudioMixing, EgressRecording } from '../call'
import { hasCamelCaseKey, snakeCaseKeys } from '../case'
import { nanosToSeconds } from '../epoch'
import type { ParseResult, Problem } from '../problems'
import { errorProblem, warningProblem } from '../problems'
import { epochSeconds, optional } from './zod-helpers'
import { zodProblems } from './zod-problems'

const int64 = z.union([z.string(), z.number()])

const fileInfoSchema = z.looseObject({
  filename: optional(z.string()),
  started_at: optional(epochSeconds),
  duration: optional(int64),
})

const egressSchema = z.looseObject({
  egress_id: optional(z.string()),
  room_name: optional(z.string()),
  started_at: optional(epochSeconds),
  file_results: optional(z.array(fileInfoSchema)),
  file: optional(fileInfoSchema),
  room_composite: optional(z.looseObject({ audio_mixing: optional(z.string()) })),
})

const MIXINGS: readonly AudioMixing[] = [
  'DEFAULT_MIXING',
  'DUAL_CHANNEL_AGENT',
  'DUAL_CHANNEL_ALTERNATE',
]

/** EgressInfo as protojson (camelCase, int64 strings), snake_case, or a webhook envelope. */
export function parseEgressFile(file: string, raw: unknown): ParseResult<EgressRecording> {
  const camel = hasCamelCaseKey(raw)
  const normalized = snakeCaseKeys(raw) as Record<string, unknown> | null
  const inner = normalized && 'egress_info' in normalized ? normalized.egress_info : normalized
  const prefix = inner === normalized ? '' : camel ? 'egressInfo' : 'egress_info'
  const parsed = egressSchema.safeParse(inner)
  if (!parsed.success) {
    return { ok: false, problems: zodProblems({ file, prefix, camel }, parsed.error, inner) }
  }
  const info = parsed.data
  const fileInfo = [info.file_results?.[0], info.file].find((f) => f?.started_at !== undefined)
  const event = typeof normalized?.event === 'string' ? normalized.event : undefined
  if (
    fileInfo?.started_at === undefined &&
    (event === 'egress_started' || event === 'egress_updated')
  ) {
    const message = `an "${event}" webhook: it is sent before the file exists and has no file start time; open the "egress_ended" webhook (or the EgressInfo) of this recording`
    return { ok: false, problems: [errorProblem(file, 'event', message)] }
  }
  if (fileInfo?.started_at === undefined) {
    const path = `${prefix ? `${prefix}.` : ''}${camel ? 'fileResults[0].startedAt' : 'file_results[0].started_at'}`
    const message =
      'expected the file start time (EgressInfo.started_at is the request time, not the first sample)'
    return { ok: false, problems: [errorProblem(file, path, message)] }
  }
  const recording: EgressRecording = { file, fileStartedAt: fileInfo.started_at }
  if (info.egress_id !== undefined) recording.egressId = info.egress_id
  if (info.room_name !== undefined) recording.roomName = info.room_name
  if (info.started_at !== undefined) recording.egressStartedAt = info.started_at
  if (fileInfo.filename !== undefined) recording.filename = fileInfo.filename
  const duration = fileInfo.duration === undefined ? undefined : nanosToSeconds(fileInfo.duration)
  const problems: Problem[] = []
  const rawDuration = fileInfo.duration === undefined ? NaN : Number(fileInfo.duration)
  if (rawDuration < 0) {
    const path = `${prefix ? `${prefix}.` : ''}${camel ? 'fileResults[0].duration' : 'file_results[0].duration'}`
    const message = `negative duration (${(rawDuration / 1e9).toFixed(3)} s, a known Egress server bug); ignored, the recording's own length is used`
    problems.push(warningProblem(file, path, message))
  } else if (duration !== undefined) recording.fileDuration = duration
  const mixing = info.room_composite?.audio_mixing
  if (mixing !== undefined && (MIXINGS as readonly string[]).includes(mixing))
    recording.audioMixing = mixing as AudioMixing
  return { ok: true, value: recording, problems }
}
