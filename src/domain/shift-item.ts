import type { PlacedItem, PlacedWord } from './timeline'

/**
 * The item moved by `shift` seconds. Its words are shifted only when someone reads them, so a
 * key press on a long call copies no word it does not show.
 */
export function shiftItem(item: PlacedItem, shift: number): PlacedItem {
  if (shift === 0) return item
  return new ShiftedItem(item, shift)
}

function shiftedWords(this: ShiftedItem): PlacedWord[] {
  return this.shiftedWords()
}

/**
 * A class with fixed fields, not a spread copy with a getter: a key press on a 20k-message call
 * creates one per moved message, and a per-item closure or an object literal with a getter costs
 * V8 a dictionary object (~1 kB, measured). Fields are copied one by one for the same reason (a
 * loop over keys is a keyed store per field); a field added to `PlacedItem` must be added here.
 */
class ShiftedItem implements PlacedItem {
  readonly #base: PlacedItem
  readonly #shift: number
  #words: PlacedWord[] | undefined
  readonly id: string
  readonly type: PlacedItem['type']
  readonly lane: PlacedItem['lane']
  readonly text: string
  readonly interrupted: boolean
  readonly start: number
  readonly end: number | null
  readonly basis: PlacedItem['basis']
  readonly wordsEstimated: boolean
  readonly wordsSource: PlacedItem['wordsSource']
  readonly alternatives: PlacedItem['alternatives']
  readonly source: PlacedItem['source']
  declare readonly role?: PlacedItem['role']
  declare readonly confidence?: number
  declare readonly alignStatus?: PlacedItem['alignStatus']
  declare readonly latency?: number
  declare readonly name?: string
  declare readonly callId?: string
  declare readonly words: PlacedWord[]

  constructor(base: PlacedItem, shift: number) {
    this.#base = base
    this.#shift = shift
    this.id = base.id
    this.type = base.type
    this.lane = base.lane
    this.text = base.text
    this.interrupted = base.interrupted
    this.start = base.start + shift
    this.end = base.end === null ? null : base.end + shift
    this.basis = base.basis
    this.wordsEstimated = base.wordsEstimated
    this.wordsSource = base.wordsSource
    this.alternatives = base.alternatives
    this.source = base.source
    // Absent optional fields stay absent, as in the item spread copies used to make.
    if (base.role !== undefined) this.role = base.role
    if (base.confidence !== undefined) this.confidence = base.confidence
    if (base.alignStatus !== undefined) this.alignStatus = base.alignStatus
    if (base.latency !== undefined) this.latency = base.latency
    if (base.name !== undefined) this.name = base.name
    if (base.callId !== undefined) this.callId = base.callId
    // Own and enumerable, so that a spread still copies the (shifted) words.
    Object.defineProperty(this, 'words', { get: shiftedWords, enumerable: true })
  }

  shiftedWords(): PlacedWord[] {
    const shift = this.#shift
    return (this.#words ??= this.#base.words.map((w) => ({
      ...w,
      start: w.start + shift,
      end: w.end + shift,
    })))
  }
}
