import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import WaveSurfer from 'wavesurfer.js'
import HoverPlugin from 'wavesurfer.js/dist/plugins/hover.esm.js'
import { playsFromLink, useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { useReviewStore } from '../../store/review-store'
import { currentActiveItemId, formatClock } from '../player/playback-cursor'
import { player, usePlayerStore } from '../player/player'
import { dragItem, playItem, selectItem } from '../correct/item-actions'
import { speechEdges } from '../../domain/audio/speech-edges'
import { laneLayout } from './lanes'
import { attachRuler } from './ruler'
import { MessageLayer } from './message-layer'
import { followPeaks, scaleOf } from './follow-peaks'
import { DetailCanvas } from './detail-canvas'
import { registerLayer } from './layer-registry'
import { followScroll, prepareZoom } from './layer-window'
import { onRedrawn } from './shown-view'
import { setDetailWindow } from './detail-window'
import { Overview } from './Overview'
import { PeaksStatus } from './PeaksStatus'
import { nextStep } from '../loading/next-task'

const CHANNEL_HEIGHT = 88
const SILENT = new Float32Array(1)
const LANE_COLORS = [
  { wave: '#7dd3fc', progress: '#0ea5e9' },
  { wave: '#c4b5fd', progress: '#8b5cf6' },
]

export function Waveform() {
  const audio = useCallStore((s) => s.inputs.audio)
  const egress = useCallStore((s) => s.inputs.egress)
  const decoding = useCallStore((s) => s.decoding)
  const view = useCorrectedView()
  const selectedId = useReviewStore((s) => s.selectedId)
  const zoom = useReviewStore((s) => s.zoom)
  const ready = usePlayerStore((s) => s.ready)
  const containerRef = useRef<HTMLDivElement>(null)
  const layerRef = useRef<MessageLayer | null>(null)
  const zoomTargetRef = useRef<((pxPerSecond: number) => void) | null>(null)
  const channels = Math.min(2, audio?.channels ?? 2)
  const anchor = view?.timeline.anchor
  const layout = useMemo(() => laneLayout(anchor, egress, channels), [anchor, egress, channels])

  // Only what is drawn rebuilds wavesurfer: features arriving after the decode do not, and a
  // downloaded recording moving to the page's copy of its file only changes the media's source.
  const url = audio?.url
  const peaks = audio?.peaks
  const audioDuration = audio?.duration
  const urlRef = useRef(url)
  // Layout effects: the view's first step is taken in the commit that brings the peaks in. As a
  // passive effect of the first render (a transition) it waited for the browser's next paint,
  // 20–90 ms of a reopen's 200. The source is swapped first, so the view loads the new one.
  useLayoutEffect(() => {
    if (urlRef.current === url) return
    urlRef.current = url
    if (url) player.swapSource(url)
  }, [url])
  useLayoutEffect(() => {
    const container = containerRef.current
    if (!container || !urlRef.current || !peaks || audioDuration === undefined) return
    const duration = audioDuration
    let teardown: (() => void) | undefined
    let cancelled = false
    // Tasks of their own: wavesurfer's creation, then its load and the detail canvas's first
    // draw, would otherwise add to the render that brought the recording in, or to each other.
    void nextStep().then(async () => {
      if (cancelled) return
      const view = createDetailView(container, peaks)
      teardown = view.teardown
      await nextStep()
      const url = urlRef.current
      // A recording still downloading plays from its URL: fetched only if played before the
      // download (which its decode reads) is in, not a second time alongside it.
      const media = view.ws.getMediaElement()
      if (media && url && playsFromLink(url)) media.preload = 'none'
      // wavesurfer draws nothing, so it gets one silent bin: the peaks would cost its scan of
      // every bin (720,000 an hour) for nothing. A failed load is reported through its `error`.
      if (!cancelled && url) await view.ws.load(url, [SILENT], duration).catch(() => undefined)
    })
    return () => {
      cancelled = true
      teardown?.()
    }

    function createDetailView(
      container: HTMLDivElement,
      peaks: Float32Array[],
    ): { ws: WaveSurfer; teardown: () => void } {
      const ws = WaveSurfer.create({
        container,
        // wavesurfer plays, seeks, scrolls and draws the cursor; the waveform is the detail
        // canvas's. At height 0 its renderer makes no backing stores and no progress copies.
        height: 0,
        minPxPerSec: useReviewStore.getState().zoom,
        renderFunction: () => undefined,
        cursorColor: '#facc15',
        cursorWidth: 2,
        autoScroll: true,
        autoCenter: false,
        plugins: [
          HoverPlugin.create({
            lineColor: '#e2e8f0',
            labelBackground: '#1e293b',
            labelColor: '#e2e8f0',
            labelSize: 11,
            formatTimeCallback: formatClock,
          }),
        ],
      })
      const drawn = peaks.slice(0, 2)
      const detail = new DetailCanvas(
        ws.getWrapper(),
        drawn,
        duration,
        scaleOf(peaks),
        CHANNEL_HEIGHT,
        LANE_COLORS,
      )
      const offDetail = [
        ws.on('scroll', (start, end) => detail.scrolled({ start, end })),
        ws.on('timeupdate', (time) => detail.progress(time)),
      ]
      const detach = player.attach(ws)
      const unfollow = followPeaks(ws, peaks, () => detail.redraw())
      const layer = new MessageLayer(ws.getWrapper(), duration, CHANNEL_HEIGHT * drawn.length, {
        onSelect: (id) => selectItem(id),
        onPlay: (id) => playItem(id),
        onDragged: dragItem,
      })
      layer.setSnapTargets(() => peaks.slice(0, 2).map(speechEdges))
      layerRef.current = layer
      const unregister = registerLayer(layer)
      const ruler = attachRuler(ws, duration)
      const unfollowScroll = followScroll(ws, layer)
      const offRedrawn = onRedrawn(ws, duration, [
        (view) => detail.show(view),
        (view) => setDetailWindow({ start: view.start, end: Math.min(duration, view.end) }),
        (view) => ruler.redrawn(view),
        (view) => layer.show(view, view.pxPerSecond),
      ])
      zoomTargetRef.current = (pxPerSecond) => prepareZoom(ws, layer, duration, pxPerSecond)
      const teardown = () => {
        zoomTargetRef.current = null
        offRedrawn()
        offDetail.forEach((off) => off())
        detail.destroy()
        unfollowScroll()
        ruler.detach()
        unregister()
        layer.destroy()
        layerRef.current = null
        unfollow()
        detach()
        ws.destroy()
      }
      return { ws, teardown }
    }
  }, [peaks, audioDuration])

  useEffect(() => {
    const layer = layerRef.current
    if (!view || !ready || !layer) return
    layer.render(view.timeline.items, layout)
    layer.renderSpeech(view.talkOver, view.outsideTurns, layout)
    layer.markActive(currentActiveItemId())
  }, [view, layout, ready])

  // Peaks fill in as the decode goes on; snapping uses them once the recording is complete.
  const complete = audio?.features !== undefined
  useEffect(() => {
    if (complete && peaks)
      layerRef.current?.setSnapTargets(() => peaks.slice(0, 2).map(speechEdges))
  }, [complete, peaks, ready])

  useEffect(() => layerRef.current?.markSelected(selectedId), [selectedId, ready])
  useEffect(() => {
    if (ready) zoomTargetRef.current?.(zoom)
    player.zoom(zoom)
  }, [zoom, ready])
  useEffect(() => player.setRate(useReviewStore.getState().rate), [ready])

  return (
    <section className="waveform" aria-label="Waveform">
      <div className="lane-labels" aria-hidden="true">
        <span>{layout.labels[0]}</span>
        {channels > 1 && <span>{layout.labels[1]}</span>}
      </div>
      <Overview />
      <div ref={containerRef} className="waveform-canvas" data-testid="waveform" />
      <PeaksStatus />
      {(decoding || !audio) && (
        <p className="waveform-empty" role="status">
          {decoding
            ? `Decoding ${decoding}… the transcript is ready meanwhile.`
            : 'No recording loaded: drop or open an audio file.'}
        </p>
      )}
    </section>
  )
}
