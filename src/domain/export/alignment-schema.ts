import { z } from 'zod'

/** product.md "Export contract": every position is seconds from the recording's first sample. */
export const exportWordSchema = z.object({
  text: z.string(),
  start_s: z.number(),
  end_s: z.number(),
  heard: z.boolean(),
})

export const exportItemSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  role: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  interrupted: z.boolean().optional(),
  start_s: z.number(),
  end_s: z.number().nullable(),
  nudge_s: z.number().default(0),
  /** Seconds the reviewer moved this message's start or end alone (after every shift). */
  edges_s: z.object({ start_s: z.number(), end_s: z.number() }).optional(),
  basis: z.string().optional(),
  /** Set where the audio alignment placed or checked the item, 0..1. */
  confidence: z.number().min(0).max(1).optional(),
  /** Agent replies: the user's speech end → this reply's start, all corrections applied. */
  heard_latency_s: z.number().optional(),
  words: z.array(exportWordSchema).optional(),
  /** Where the word times come from (word-timing.md); absent in files from before it existed. */
  words_source: z.enum(['captured', 'audio', 'estimated']).optional(),
})

export const alignmentExportSchema = z.looseObject({
  schema: z.literal('turnline.alignment'),
  version: z.literal(1),
  recording: z.looseObject({
    file: z.string(),
    duration_s: z.number().nullable(),
    channels: z.number().int().nullable(),
    t0_unix: z.number().nullable(),
    t0_source: z.string(),
  }),
  global_offset_s: z.number(),
  /** The fitted clock of the audio alignment, when it ran. */
  alignment: z
    .looseObject({ offset_s: z.number(), drift_ppm: z.number(), drift_fitted: z.boolean() })
    .optional(),
  /** Added to every message of a lane, on top of `global_offset_s` (absent in older files). */
  lane_offsets_s: z.object({ user: z.number(), agent: z.number() }).optional(),
  items: z.array(exportItemSchema),
})

export type AlignmentExport = z.infer<typeof alignmentExportSchema>
export type ExportItem = z.infer<typeof exportItemSchema>
