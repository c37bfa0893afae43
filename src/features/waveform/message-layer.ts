import type { SpeechEdges } from '../../domain/audio/speech-edges'
import type { Interval, TalkOver } from '../../domain/talk-over'
import type { PlacedItem } from '../../domain/timeline'
import type { BuiltWindow, TimeWindow } from '../../domain/view/shown-window'
import { builtWindow, itemsInWindow, windowServes } from '../../domain/view/shown-window'
import { paintedItemAt } from '../../domain/view/painted-hit'
import { isSpoken } from '../../domain/word-index'
import { formatClock } from '../player/playback-cursor'
import type { LaneLayout } from './lanes'
import { bandOf } from './lanes'
import { LAYER_CSS } from './message-layer-css'
import { PaintedRegions } from './painted-regions'
import type { DragMode } from './region-drag'
import { dragModeAt, startRegionDrag } from './region-drag'

export interface MessageLayerEvents {
  /** A region or marker was clicked (not dragged), or reached with the arrow keys. */
  onSelect(id: string): void
  /** Double-click or Enter on a region or marker. */
  onPlay(id: string): void
  /** A region, or one of its edges, was dragged by this many seconds. */
  onDragged(id: string, mode: DragMode, deltaSeconds: number): void
}

const NEIGHBOUR: Record<string, 1 | -1> = { ArrowRight: 1, ArrowLeft: -1 }
/** Elements created per frame: a first draw of thousands is split; 250 took 75 ms of script plus
 * 140 ms of paint a frame under load. */
const CREATED_PER_FRAME = 100
/** A window with more items than this paints them on a canvas: as divs, every move of them all
 * (an alignment landing, an undo) cost 60–100 ms of style, layout and paint for 520 regions. */
const PAINTED_ABOVE = 150
/** How near, in px, a pointer must come to a painted item to take it. */
const PAINTED_SLOP_PX = 4

/** One talk-over or outside-turn mark above the lanes. */
interface SpeechMark {
  className: string
  span: Interval
  title: string
  top: string
}

/**
 * The message spans around the shown window, as absolutely positioned divs inside wavesurfer's
 * wrapper, positioned in percent of the recording. Only the window and a screen either side are
 * built (as the ruler is): a zoom changes the wrapper's width and lays out every div in it, which
 * took 169–985 ms with one div per message (docs/performance.md). The selected item stays built
 * wherever the view is, so keyboard focus never lands on a removed element.
 */
export class MessageLayer {
  private readonly root: HTMLDivElement
  private readonly speech: HTMLDivElement
  /** The item divs, in timeline order; `display: contents`, so they position against the root. */
  private readonly itemsRoot: HTMLDivElement
  private byId = new Map<string, HTMLElement>()
  private items: readonly PlacedItem[] = []
  private built: BuiltWindow
  /** Pixels per second of the detail view; 0 until it has reported one. */
  private pxPerSecond = 0
  private readonly painter: PaintedRegions
  /** Items of the window drawn on the canvas rather than as elements (dense windows only). */
  private painted: PlacedItem[] = []
  /** A pointer press on a painted item: wavesurfer must not take its click as a seek. */
  private swallowClick = false
  private pendingFrame: number | undefined
  private draggingId: string | undefined
  private activeId: string | undefined
  private selectedId: string | undefined
  /** Abandons a drag in progress (the layer is going away). */
  private endDrag: (() => void) | undefined
  /** Speech starts and ends per channel, for snapping dragged edges. */
  private snapSource: () => readonly SpeechEdges[] = () => []
  private snap: readonly SpeechEdges[] | undefined
  private layout: LaneLayout | undefined
  /** What each element was last placed from: unchanged items skip the DOM writes. */
  private readonly placedFrom = new WeakMap<HTMLElement, { item: PlacedItem; layout: LaneLayout }>()
  /** What each talk-over or outside-turn mark was last placed from. */
  private readonly markPlaced = new WeakMap<HTMLElement, string>()

  constructor(
    private readonly wrapper: HTMLElement,
    private readonly duration: number,
    height: number,
    private readonly events: MessageLayerEvents,
  ) {
    this.root = document.createElement('div')
    this.root.className = 'tl-layer'
    this.speech = document.createElement('div')
    this.root.appendChild(this.speech)
    this.painter = new PaintedRegions(this.root, height)
    this.itemsRoot = document.createElement('div')
    this.itemsRoot.style.display = 'contents'
    this.root.appendChild(this.itemsRoot)
    this.built = builtWindow({ start: 0, end: duration }, duration)
    this.root.style.height = `${height}px`
    this.root.setAttribute('part', 'message-layer')
    ensureStyles(wrapper)
    wrapper.appendChild(this.root)
    this.root.addEventListener('pointerdown', this.onPointerDown)
    this.root.addEventListener('pointermove', this.onHover)
    this.root.addEventListener('click', stop)
    this.root.addEventListener('dblclick', this.onDoubleClick)
    this.root.addEventListener('keydown', this.onKeyDown)
    // The canvas lets the pointer through to the waveform; its items are found from the wrapper.
    wrapper.addEventListener('pointerdown', this.onPaintedPointerDown, true)
    wrapper.addEventListener('click', this.onPaintedClick, true)
    wrapper.addEventListener('dblclick', this.onPaintedDoubleClick, true)
    wrapper.addEventListener('pointermove', this.onPaintedHover)
  }

  /** Found at the first drag: an hour's edges take a long task, and most opens never drag. */
  setSnapTargets(perChannel: () => readonly SpeechEdges[]) {
    this.snapSource = perChannel
    this.snap = undefined
  }

  /** Keyed by id: a correction only rewrites positions, it does not rebuild the layer. */
  render(items: readonly PlacedItem[], layout: LaneLayout) {
    this.layout = layout
    this.items = items
    this.root.dataset.items = String(items.length)
    this.root.dataset.regions = String(items.filter(isSpoken).length)
    this.build()
  }

  /** The detail view shows this window (seconds): build around it unless already built. */
  show(window: TimeWindow, pxPerSecond: number) {
    // The scroll and redraw events measure the scale two ways: only a real change repaints.
    const rescaled = Math.abs(pxPerSecond - this.pxPerSecond) > 1e-3 * pxPerSecond
    this.pxPerSecond = pxPerSecond
    if (!windowServes(this.built, window)) {
      this.built = builtWindow(window, this.duration)
      this.build()
    } else if (rescaled) this.paint()
  }

  private build() {
    cancelAnimationFrame(this.pendingFrame ?? 0)
    this.pendingFrame = undefined
    const layout = this.layout
    if (!layout) return
    const windowItems = itemsInWindow(this.items, this.built)
    const dense = windowItems.length > PAINTED_ABOVE
    const pinned = new Set([this.selectedId, this.draggingId])
    if (dense) {
      // The playing item is highlighted as an element; without a selection the first item in
      // the window is one too, so Tab still reaches the layer.
      pinned.add(this.activeId)
      if (this.selectedId === undefined) pinned.add(windowItems[0]?.id)
    }
    const inWindow = new Set(windowItems.map((i) => i.id))
    this.painted = dense ? windowItems.filter((item) => !pinned.has(item.id)) : []
    const next = new Map<string, HTMLElement>()
    let created = 0
    let deferred = false
    for (const item of this.items) {
      if (!pinned.has(item.id) && (dense || !inWindow.has(item.id))) continue
      let element = this.byId.get(item.id)
      if (!element) {
        if (created >= CREATED_PER_FRAME && !pinned.has(item.id)) {
          deferred = true
          continue
        }
        created++
        element = document.createElement('div')
      }
      this.place(element, item, layout)
      next.set(item.id, element)
    }
    for (const [id, element] of this.byId) if (!next.has(id)) element.remove()
    this.byId = next
    insertInOrder(this.itemsRoot, next.values())
    if (deferred) this.pendingFrame = requestAnimationFrame(() => this.build())
    this.root.dataset.painted = String(this.painted.length)
    // Regions on the page, as elements or painted: benchmarks wait for all of them.
    this.root.dataset.drawnRegions = String(
      [...next.values()].filter((e) => e.dataset.kind === 'region').length +
        this.painted.filter(isSpoken).length,
    )
    this.paint()
    this.toggle(this.activeId, 'data-active', true)
    this.toggle(this.selectedId, 'data-selected', true)
    this.updateTabStop()
  }

  private paint() {
    if (!this.layout) return
    this.painter.paint({
      items: this.painted,
      span: {
        start: Math.max(0, this.built.start),
        end: Math.min(this.duration, this.built.end),
      },
      pxPerSecond: this.pxPerSecond,
      duration: this.duration,
      layout: this.layout,
    })
  }

  /** Roving focus: Tab reaches the selected item (else the first); arrows walk from there. */
  private updateTabStop() {
    const stop =
      (this.selectedId && this.byId.get(this.selectedId)) || this.byId.values().next().value
    for (const element of this.root.querySelectorAll<HTMLElement>('[tabindex="0"]'))
      if (element !== stop) element.tabIndex = -1
    if (stop) stop.tabIndex = 0
  }

  /**
   * Talk-over between the lanes and user speech outside any turn. Every new view (each batch of
   * timed words) comes here, so the marks are updated in place: rebuilding a few hundred of them
   * restyled the whole layer each time.
   */
  renderSpeech(
    talkOver: readonly TalkOver[],
    outsideTurns: readonly Interval[],
    layout: LaneLayout,
  ) {
    const userTop = layout.band.user === 0 ? '0' : '50%'
    const marks: SpeechMark[] = [
      ...talkOver.map((o) => ({
        className: 'tl-overlap',
        span: o,
        title: `Talk-over ${(o.end - o.start).toFixed(2)} s${o.bargeIn ? ' (barge-in)' : ''}`,
        top: '',
      })),
      ...outsideTurns.map((v) => ({
        className: 'tl-vad',
        span: v,
        title: 'User speech outside any turn (backchannel or noise)',
        top: `calc(${userTop} + 36%)`,
      })),
    ]
    const shown = this.speech.children
    marks.forEach((mark, i) => {
      const element = shown[i] ?? this.speech.appendChild(document.createElement('div'))
      if (element instanceof HTMLElement) this.placeMark(element, mark)
    })
    while (shown.length > marks.length) shown[shown.length - 1]?.remove()
  }

  private placeMark(element: HTMLElement, mark: SpeechMark) {
    const { span } = mark
    const placed = `${mark.className} ${span.start} ${span.end} ${mark.top} ${this.duration} ${mark.title}`
    if (this.markPlaced.get(element) === placed) return
    this.markPlaced.set(element, placed)
    element.className = mark.className
    element.title = mark.title
    element.dataset.start = String(span.start)
    element.style.left = this.percent(span.start)
    element.style.width = this.percent(Math.max(0, span.end - span.start))
    element.style.top = mark.top
  }

  markActive(id: string | undefined) {
    if (id === this.activeId) return
    this.toggle(this.activeId, 'data-active', false)
    this.activeId = id
    // A dense window builds the playing item as an element: it changes what is painted.
    if (this.painted.length > 0) this.build()
    else this.toggle(id, 'data-active', true)
  }

  markSelected(id: string | undefined) {
    this.toggle(this.selectedId, 'data-selected', false)
    this.selectedId = id
    const outside = id !== undefined && !this.byId.has(id)
    if (this.painted.length > 0 || (outside && this.items.some((item) => item.id === id))) {
      this.build()
      return
    }
    this.toggle(id, 'data-selected', true)
    this.updateTabStop()
  }

  destroy() {
    cancelAnimationFrame(this.pendingFrame ?? 0)
    this.endDrag?.()
    this.root.removeEventListener('pointerdown', this.onPointerDown)
    this.root.removeEventListener('pointermove', this.onHover)
    this.root.removeEventListener('dblclick', this.onDoubleClick)
    this.root.removeEventListener('keydown', this.onKeyDown)
    this.wrapper.removeEventListener('pointerdown', this.onPaintedPointerDown, true)
    this.wrapper.removeEventListener('click', this.onPaintedClick, true)
    this.wrapper.removeEventListener('dblclick', this.onPaintedDoubleClick, true)
    this.wrapper.removeEventListener('pointermove', this.onPaintedHover)
    this.root.remove()
  }

  private toggle(id: string | undefined, attribute: string, on: boolean) {
    const element = id === undefined ? undefined : this.byId.get(id)
    if (element) element.toggleAttribute(attribute, on)
  }

  private percent(seconds: number): string {
    return `${(seconds / this.duration) * 100}%`
  }

  private place(element: HTMLElement, item: PlacedItem, layout: LaneLayout) {
    const last = this.placedFrom.get(element)
    // Word re-timing rebuilds items that did not move: 500 regions rewritten is a long task.
    if (last && last.layout === layout && samePlace(last.item, item)) return
    this.placedFrom.set(element, { item, layout })
    element.dataset.id = item.id
    element.dataset.start = String(item.start)
    element.style.left = this.percent(item.start)
    element.title = `${item.text}\n${formatClock(item.start)}`
    element.setAttribute('role', 'button')
    element.setAttribute('aria-label', `${itemKind(item)} at ${formatClock(item.start)}`)
    if (element.tabIndex !== 0) element.tabIndex = -1
    const band = bandOf(layout, item.lane)
    if (band === undefined || item.end === null) {
      element.className = `tl-marker tl-marker-${item.type}`
      element.dataset.kind = 'marker'
      return
    }
    element.className = `tl-region tl-${item.lane}`
    element.dataset.kind = 'region'
    element.dataset.lane = item.lane
    element.dataset.end = String(item.end)
    element.style.width = this.percent(Math.max(0, item.end - item.start))
    element.style.top = band === 0 ? '0' : '50%'
    element.toggleAttribute('data-interrupted', item.interrupted)
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-id]')
    const id = target?.dataset.id
    if (!target || id === undefined || event.button !== 0) return
    event.stopPropagation()
    event.preventDefault()
    this.grab(target, id, event)
  }

  /** A press on a painted item: it becomes an element (pinned while dragged) and is grabbed. */
  private readonly onPaintedPointerDown = (event: PointerEvent) => {
    this.swallowClick = false
    const item = event.button === 0 ? this.paintedAt(event) : undefined
    if (!item) return
    event.stopImmediatePropagation()
    event.preventDefault()
    this.swallowClick = true
    this.draggingId = item.id
    this.build()
    const element = this.byId.get(item.id)
    if (element) this.grab(element, item.id, event, 'move')
    else this.draggingId = undefined
  }

  private readonly onPaintedClick = (event: MouseEvent) => {
    if (!this.swallowClick) return
    this.swallowClick = false
    event.stopImmediatePropagation()
  }

  private readonly onPaintedDoubleClick = (event: MouseEvent) => {
    const item = this.paintedAt(event)
    if (!item) return
    event.stopImmediatePropagation()
    this.events.onPlay(item.id)
  }

  private readonly onPaintedHover = (event: PointerEvent) => {
    if (this.painted.length === 0 && !this.wrapper.style.cursor) return
    this.wrapper.style.cursor = this.paintedAt(event) ? 'pointer' : ''
  }

  private paintedAt(event: MouseEvent): PlacedItem | undefined {
    const layout = this.layout
    if (this.painted.length === 0 || !layout) return undefined
    const rect = this.root.getBoundingClientRect()
    const y = event.clientY - rect.top
    if (rect.width <= 0 || y < 0 || y > rect.height) return undefined
    const pxPerSecond = rect.width / this.duration
    return paintedItemAt(this.painted, (item) => bandOf(layout, item.lane), {
      time: (event.clientX - rect.left) / pxPerSecond,
      band: y < rect.height / 2 ? 0 : 1,
      slop: PAINTED_SLOP_PX / pxPerSecond,
    })
  }

  private grab(target: HTMLElement, id: string, event: PointerEvent, mode?: DragMode) {
    target.focus({ preventScroll: true })
    if (target.dataset.kind !== 'region') {
      this.events.onSelect(id)
      return
    }
    this.draggingId = id
    this.endDrag = startRegionDrag({
      region: target,
      layerRoot: this.root,
      pointer: event,
      mode,
      pxPerSecond: this.wrapper.getBoundingClientRect().width / this.duration,
      duration: this.duration,
      snap: this.snapFor(target),
      onDone: (result) => {
        this.endDrag = undefined
        this.draggingId = undefined
        if (result === 'click') this.events.onSelect(id)
        else if (result !== 'cancel') this.events.onDragged(id, result.mode, result.delta)
      },
    })
  }

  private snapFor(region: HTMLElement): SpeechEdges | undefined {
    const lane = region.dataset.lane
    if (lane !== 'user' && lane !== 'agent') return undefined
    this.snap ??= this.snapSource()
    const channel = this.snap.length > 1 && this.layout ? this.layout.band[lane] : 0
    return this.snap[channel]
  }

  /** The cursor tells a move from an edge drag before the button goes down. */
  private readonly onHover = (event: PointerEvent) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-kind="region"]')
    if (!target || target.dataset.dragging !== undefined) return
    const mode = dragModeAt(target, event.clientX)
    target.style.cursor = mode === 'move' ? '' : 'ew-resize'
  }

  private readonly onDoubleClick = (event: MouseEvent) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id
    if (id !== undefined) this.events.onPlay(id)
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-id]')
    const id = current?.dataset.id
    if (!current || id === undefined || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'Enter') {
      event.preventDefault()
      this.events.onPlay(id)
      return
    }
    const step = NEIGHBOUR[event.key]
    if (step === undefined) return
    event.preventDefault()
    const index = this.items.findIndex((item) => item.id === id)
    const next = this.items[index + step]?.id
    if (next === undefined) return
    this.events.onSelect(next)
    // The neighbour may be outside the built window: a selected item is always built.
    this.markSelected(next)
    this.byId.get(next)?.focus()
  }
}

/** A short accessible name: the text itself stays in the title, so names never collide. */
function itemKind(item: PlacedItem): string {
  if (item.lane === 'user') return 'User message'
  if (item.lane === 'agent') return 'Agent message'
  return item.type === 'function_call'
    ? 'Tool call'
    : item.type === 'function_call_output'
      ? 'Tool result'
      : item.type === 'agent_handoff'
        ? 'Handoff'
        : 'Note'
}

function stop(event: Event) {
  event.stopPropagation()
}

/** The wrapper lives in wavesurfer's shadow root, so page styles do not reach it. */
function ensureStyles(wrapper: HTMLElement) {
  const root = wrapper.getRootNode()
  const host = root instanceof ShadowRoot ? root : document.head
  if (host.querySelector('style[data-turnline]')) return
  const style = document.createElement('style')
  style.dataset.turnline = ''
  style.textContent = LAYER_CSS
  host.appendChild(style)
}

/**
 * Adds the new elements among the kept ones in timeline order (the first region is the first
 * item), without moving a kept one: a moved element loses keyboard focus.
 */
function insertInOrder(parent: HTMLElement, ordered: Iterable<HTMLElement>) {
  let before: ChildNode | null = parent.firstChild
  for (const element of ordered) {
    if (element.parentNode === parent) before = element.nextSibling
    else parent.insertBefore(element, before)
  }
}

function samePlace(a: PlacedItem, b: PlacedItem): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.start === b.start &&
      a.end === b.end &&
      a.lane === b.lane &&
      a.type === b.type &&
      a.text === b.text &&
      a.interrupted === b.interrupted)
  )
}
