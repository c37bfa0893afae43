import type { Interval, TalkOver } from '../../domain/talk-over'
import type { PlacedItem } from '../../domain/timeline'
import type { LaneLayout } from './lanes'
import { bandOf } from './lanes'
import { LAYER_CSS } from './message-layer-css'

export interface MessageLayerEvents {
  /** A region or marker was clicked (not dragged). */
  onActivate(id: string): void
  /** A region was dragged by this many seconds. */
  onDragged(id: string, deltaSeconds: number): void
}

const DRAG_THRESHOLD_PX = 3

/**
 * All message spans as one batch of absolutely positioned divs inside wavesurfer's wrapper.
 * Positions are percentages of the recording, so zooming costs nothing here (performance.md §2.4):
 * no Regions-plugin region, with its listeners, per message.
 */
export class MessageLayer {
  private readonly root: HTMLDivElement
  private readonly speech: HTMLDivElement
  private byId = new Map<string, HTMLElement>()
  private activeId: string | undefined
  private selectedId: string | undefined
  /** Abandons a drag in progress (the layer is going away). */
  private endDrag: (() => void) | undefined

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
    this.root.style.height = `${height}px`
    this.root.setAttribute('part', 'message-layer')
    ensureStyles(wrapper)
    wrapper.appendChild(this.root)
    this.root.addEventListener('pointerdown', this.onPointerDown)
    this.root.addEventListener('click', stop)
  }

  /** Keyed by id: a correction only rewrites positions, it does not rebuild the layer. */
  render(items: readonly PlacedItem[], layout: LaneLayout) {
    const next = new Map<string, HTMLElement>()
    const added = document.createDocumentFragment()
    for (const item of items) {
      let element = this.byId.get(item.id)
      if (!element) {
        element = document.createElement('div')
        added.appendChild(element)
      }
      this.place(element, item, layout)
      next.set(item.id, element)
    }
    for (const [id, element] of this.byId) if (!next.has(id)) element.remove()
    this.byId = next
    this.root.appendChild(added)
    this.markActive(this.activeId)
    this.markSelected(this.selectedId)
  }

  /** Talk-over between the lanes and user speech outside any turn: few, so rebuilt each time. */
  renderSpeech(
    talkOver: readonly TalkOver[],
    outsideTurns: readonly Interval[],
    layout: LaneLayout,
  ) {
    const userTop = layout.band.user === 0 ? '0' : '50%'
    const marks = [
      ...talkOver.map((o) =>
        this.mark(
          'tl-overlap',
          o,
          `Talk-over ${(o.end - o.start).toFixed(2)} s${o.bargeIn ? ' (barge-in)' : ''}`,
        ),
      ),
      ...outsideTurns.map((v) => {
        const mark = this.mark('tl-vad', v, 'User speech outside any turn (backchannel or noise)')
        mark.style.top = `calc(${userTop} + 36%)`
        return mark
      }),
    ]
    this.speech.replaceChildren(...marks)
  }

  private mark(className: string, span: Interval, title: string): HTMLElement {
    const element = document.createElement('div')
    element.className = className
    element.title = title
    element.dataset.start = String(span.start)
    element.style.left = this.percent(span.start)
    element.style.width = this.percent(Math.max(0, span.end - span.start))
    return element
  }

  markActive(id: string | undefined) {
    this.toggle(this.activeId, 'data-active', false)
    this.activeId = id
    this.toggle(id, 'data-active', true)
  }

  markSelected(id: string | undefined) {
    this.toggle(this.selectedId, 'data-selected', false)
    this.selectedId = id
    this.toggle(id, 'data-selected', true)
  }

  destroy() {
    this.endDrag?.()
    this.root.removeEventListener('pointerdown', this.onPointerDown)
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
    element.dataset.id = item.id
    element.dataset.start = String(item.start)
    element.style.left = this.percent(item.start)
    element.title = `${item.text}\n${item.start.toFixed(3)} s · ${item.basis}`
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
    const draggable = target.dataset.kind === 'region'
    const startX = event.clientX
    let dx = 0
    const move = (e: PointerEvent) => {
      dx = e.clientX - startX
      if (draggable && Math.abs(dx) >= DRAG_THRESHOLD_PX) {
        target.style.transform = `translateX(${dx}px)`
        target.dataset.dragging = ''
      }
    }
    const finish = (commit: boolean) => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', cancel)
      this.endDrag = undefined
      target.style.transform = ''
      delete target.dataset.dragging
      if (!commit) return
      if (draggable && Math.abs(dx) >= DRAG_THRESHOLD_PX) {
        const pxPerSecond = this.wrapper.getBoundingClientRect().width / this.duration
        this.events.onDragged(id, dx / pxPerSecond)
      } else this.events.onActivate(id)
    }
    const up = () => finish(true)
    const cancel = () => finish(false)
    this.endDrag = cancel
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', cancel)
  }
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
