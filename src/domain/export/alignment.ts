import type { Corrections, EdgeShift } from '../corrections'
import { NO_LANE_OFFSETS } from '../corrections'
import type { Problem } from '../problems'
import { errorProblem, warningProblem } from '../problems'
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
    items: corrected.items.map((item) =>
      exportItem(item, corrections.nudges[item.id] ?? 0, corrections.edges[item.id]),
    ),
  }
}

function exportItem(item: PlacedItem, nudge: number, edge: EdgeShift | undefined): ExportItem {
  const common = {
    id: item.id,
    type: item.type,
    start_s: roundTime(item.start),
    end_s: item.end === null ? null : roundTime(item.end),
    nudge_s: nudge,
    ...(edge ? { edges_s: { start_s: edge.start, end_s: edge.end } } : {}),
    basis: item.basis,
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
  if (item.lane === 'marker') return spoken
  spoken.words = item.words.map((w) => ({
    text: w.text,
    start_s: roundTime(w.start),
    end_s: roundTime(w.end),
    heard: w.heard,
  }))
  if (item.wordsEstimated) spoken.words_estimated = true
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
  const nudges: Record<string, number> = {}
  const edges: Record<string, EdgeShift> = {}
  const problems: Problem[] = []
  let matched = 0
  exported.items.forEach((item, index) => {
    if (!known.has(item.id)) {
      const message = `"${item.id}" is not in the loaded history; ignored`
      problems.push(warningProblem(file, `items[${index}].id`, message))
      return
    }
    matched++
    if (item.nudge_s !== 0) nudges[item.id] = item.nudge_s
    if (item.edges_s) edges[item.id] = { start: item.edges_s.start_s, end: item.edges_s.end_s }
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
  const corrections: Corrections = {
    globalOffset: exported.global_offset_s,
    laneOffsets: exported.lane_offsets_s ?? NO_LANE_OFFSETS,
    nudges,
    edges,
  }
  return { corrections, problems }
}
