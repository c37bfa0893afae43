// All times are integer microseconds, so sums and differences stay exact. They become float seconds
// only when written out. Epoch values are kept to 0.1 ms so their shortest decimal form is exact.

/** Integer microseconds: a position in the file, a duration, or an epoch time. */
export type Micros = number

export const SAMPLE_RATE = 48_000
export const SAMPLES_PER_MS = SAMPLE_RATE / 1000

/** T: the wall-clock origin of the demo session (2025-11-24T16:00:00Z). */
export const SESSION_T_US: Micros = 1_764_000_000 * 1_000_000
/** `audio_recording_started_at`: the epoch time of sample 0 of audio.ogg. */
export const RECORDING_T0_US: Micros = SESSION_T_US + 312_500

export function ms(milliseconds: number): Micros {
  return Math.round(milliseconds * 1000)
}

export function sec(seconds: number): Micros {
  return Math.round(seconds * 1_000_000)
}

export function toSeconds(value: Micros): number {
  return value / 1_000_000
}

/** Epoch microseconds of a position in the file. */
export function epochOf(position: Micros): Micros {
  return RECORDING_T0_US + position
}

/** Position in the file of an epoch time. */
export function positionOf(epoch: Micros): Micros {
  return epoch - RECORDING_T0_US
}

export function samplesToMicros(samples: number): Micros {
  if (samples % SAMPLES_PER_MS !== 0) throw new Error(`${samples} samples is not a whole ms`)
  return (samples / SAMPLES_PER_MS) * 1000
}

export function microsToSamples(value: Micros): number {
  if (value % 1000 !== 0) throw new Error(`${value} us is not a whole ms`)
  return (value / 1000) * SAMPLES_PER_MS
}
