/**
 * Places a decoder's outputs on the recording's sample grid. Outputs follow one another, so each
 * starts where the last ended; their own timestamps only count when they jump by a whole output
 * or more (a gap or a dropped packet). The first output is placed at the first packet's time:
 * some decoders stamp it otherwise (Chromium ignores negative packet timestamps).
 */
export class OutputClock {
  private offsetUs: number | undefined
  private next: number | undefined

  constructor(private readonly firstPacketS: number) {}

  /** The sample at `rate` where an output of `frames` stamped `timestampUs` begins. */
  place(timestampUs: number, frames: number, rate: number): number {
    this.offsetUs ??= this.firstPacketS * 1e6 - timestampUs
    const stamped = Math.round(((timestampUs + this.offsetUs) / 1e6) * rate)
    const at =
      this.next === undefined || Math.abs(stamped - this.next) >= frames ? stamped : this.next
    this.next = at + frames
    return at
  }
}
