import type { AlignedTurn } from '../align/align-call'
import type { Corrections, EdgeShift } from '../corrections'
import { isSaneOffset, itemNudge, MAX_OFFSET_S, NO_LANE_OFFSETS, roundMicro } from '../corrections'
import type { Problem } from '../problems'
import { errorProblem, warningProblem } from '../problems'
import { heardLatencies } from '../review/heard-latency'
import type { PlacedItem, Timeline } from '../timeline'
import { roundTime } from '../round-time'
import type { AlignmentExport, ExportItem } from './alignment-schema'

export interface RecordingFacts {
  file: string
  /** Seconds, if the audio is loaded. */
  duration?: number
  channels?: number
}

/** The `turnline.alignment` v1 file (product.md): `timeline` must already be corrected. */
export function buildAlignmentExport(
  corrected: Timeline,
  corrections: Corrections,
  recording: RecordingFacts,
): AlignmentExport {
  const heard = heardLatencies(corrected.items)
  return {
    schema: 'turnline.alignment',
    version: 1,
    recording: {
      file: recording.file,
      duration_s: recording.duration === undefined ? null : roundTime(recording.duration),
      channels: recording.channels ?? null,
      t0_unix: corrected.anchor.t0Unix,
      t0_source: corrected.anchor.t0Source,
    },
    global_offset_s: corrections.globalOffset,
    lane_offsets_s: { ...corrections.laneOffsets },
    ...(corrections.alignment
      ? {
          alignment: {
            offset_s: roundMicro(corrections.alignment.offset),
            drift_ppm: Math.round(corrections.alignment.driftPpm * 10) / 10,
            drift_fitted: corrections.alignment.driftFitted,
          },
        }
      : {}),
    items: corrected.items.map((item) =>
      exportItem(
        item,
        itemNudge(corrections, item.id),
        corrections.edges.get(item.id),
        heard.get(item.id)?.seconds,
      ),
    ),
  }
}

function exportItem(
  item: PlacedItem,
  nudge: number,
  edge: EdgeShift | undefined,
  heardLatency?: number,
): ExportItem {
  const common = {
    id: item.id,
    type: item.type,
    start_s: roundTime(item.start),
    end_s: item.end === null ? null : roundTime(item.end),
    nudge_s: nudge,
    ...(edge ? { edges_s: { start_s: edge.start, end_s: edge.end } } : {}),
    basis: item.basis,
    ...(item.confidence !== undefined
      ? { confidence: Math.round(item.confidence * 1000) / 1000 }
      : {}),
  }
  if (item.type === 'function_call' || item.type === 'function_call_output')
    return { ...common, name: item.name ?? '' }
  if (item.type !== 'message') return { ...common, text: item.text }
  const spoken: ExportItem = {
    ...common,
    role: item.role ?? 'assistant',
    text: item.text,
    interrupted: item.interrupted,
  }
  if (heardLatency !== undefined) spoken.heard_latency_s = roundTime(heardLatency)
  if (item.lane === 'marker') return spoken
  spoken.words = item.words.map((w) => ({
    text: w.text,
    start_s: roundTime(w.start),
    end_s: roundTime(w.end),
    heard: w.heard,
  }))
  if (item.wordsEstimated) spoken.words_estimated = true
  spoken.words_source = item.wordsSource
  return spoken
}

const SAME_T0_S = 0.001

/**
 * Re-opening an export: its offsets become the reviewer's corrections again. An export whose ids
 * are all unknown belongs to another call and gives no corrections.
 */
export function correctionsFromExport(
  exported: AlignmentExport,
  timeline: Timeline,
  file: string,
): { corrections?: Corrections; problems: Problem[] } {
  const known = new Set(timeline.items.map((i) => i.id))
  const nudges = new Map<string, number>()
  const edges = new Map<string, EdgeShift>()
  const aligned = new Map<string, AlignedTurn>()
  const problems: Problem[] = []
  let matched = 0
  exported.items.forEach((item, index) => {
    if (!known.has(item.id)) {
      const message = `"${item.id}" is not in the loaded history; ignored`
      problems.push(warningProblem(file, `items[${index}].id`, message))
      return
    }
    matched++
    if (!isSaneOffset(item.nudge_s)) {
      const message = `nudge ${item.nudge_s} s is beyond ±${MAX_OFFSET_S} s; this item is left uncorrected`
      problems.push(warningProblem(file, `items[${index}].nudge_s`, message))
    } else if (item.nudge_s !== 0) nudges.set(item.id, item.nudge_s)
    const edge = item.edges_s
    if (edge && isSaneOffset(edge.start_s) && isSaneOffset(edge.end_s))
      edges.set(item.id, { start: edge.start_s, end: edge.end_s })
    if (item.basis === 'audio') {
      // Its exported place is alignment + global, lane and item terms (+ an edge): take them off.
      const lane = exported.lane_offsets_s
      const laneShift =
        lane && item.role === 'user'
          ? lane.user
          : lane && item.role === 'assistant'
            ? lane.agent
            : 0
      const shift = exported.global_offset_s + laneShift + item.nudge_s
      const start = item.start_s - shift - (edge?.start_s ?? 0)
      const end = (item.end_s ?? item.start_s) - shift - (edge?.end_s ?? 0)
      if (isSaneOffset(shift))
        aligned.set(item.id, { start, end, confidence: item.confidence ?? 0, status: 'matched' })
    }
  })
  if (matched === 0 && exported.items.length > 0) {
    const message = 'none of its items is in the loaded history: it belongs to another call'
    return { problems: [errorProblem(file, 'items', message)] }
  }
  const t0 = exported.recording.t0_unix
  if (t0 !== null && Math.abs(t0 - timeline.anchor.t0Unix) > SAME_T0_S) {
    const message = `exported against t0 ${t0}, the call now uses ${timeline.anchor.t0Unix}: check the offset`
    problems.push(warningProblem(file, 'recording.t0_unix', message))
  }
  let globalOffset = exported.global_offset_s
  if (!isSaneOffset(globalOffset)) {
    const message = `${globalOffset} s is beyond ±${MAX_OFFSET_S} s; the global offset is left at 0`
    problems.push(warningProblem(file, 'global_offset_s', message))
    globalOffset = 0
  }
  const lanes = exported.lane_offsets_s ?? NO_LANE_OFFSETS
  const laneOffsets = {
    user: isSaneOffset(lanes.user) ? lanes.user : 0,
    agent: isSaneOffset(lanes.agent) ? lanes.agent : 0,
  }
  const fit = exported.alignment
  const corrections: Corrections = { globalOffset, laneOffsets, nudges, edges }
  if (aligned.size > 0 || fit)
    corrections.alignment = {
      offset: fit?.offset_s ?? 0,
      driftPpm: fit?.drift_ppm ?? 0,
      driftFitted: fit?.drift_fitted ?? false,
      turns: aligned,
    }
  return { corrections, problems }
}
