import type WaveSurfer from 'wavesurfer.js'
import { create } from 'zustand'
import { reportPlaybackError } from './playback-errors'

interface PlayerState {
  ready: boolean
  playing: boolean
  duration: number
}

/** Rarely-changing player facts that components render. The current time is not here on purpose. */
export const usePlayerStore = create<PlayerState>(() => ({
  ready: false,
  playing: false,
  duration: 0,
}))

type TickListener = (time: number) => void

let instance: WaveSurfer | null = null
const listeners = new Set<TickListener>()

/**
 * The media element can run a few ms past the decoded duration the clock shows as the total
 * (`01:07.126 / 01:07.119`): never report more than that total.
 */
function clampToDuration(time: number): number {
  const { duration } = usePlayerStore.getState()
  return duration > 0 ? Math.min(time, duration) : time
}

function emit(time: number) {
  for (const listener of listeners) listener(time)
}

/** One wavesurfer at a time; everything else talks to it through this module. */
export const player = {
  attach(ws: WaveSurfer): () => void {
    instance = ws
    const offs = [
      ws.on('ready', (duration) => usePlayerStore.setState({ ready: true, duration })),
      ws.on('play', () => usePlayerStore.setState({ playing: true })),
      ws.on('pause', () => usePlayerStore.setState({ playing: false })),
      ws.on('finish', () => usePlayerStore.setState({ playing: false })),
      ws.on('timeupdate', (t) => emit(clampToDuration(t))),
      ws.on('error', (error) => {
        usePlayerStore.setState({ playing: false })
        reportPlaybackError(error)
      }),
    ]
    return () => {
      offs.forEach((off) => off())
      if (instance === ws) instance = null
      usePlayerStore.setState({ ready: false, playing: false, duration: 0 })
    }
  },
  /**
   * Plays the same recording from another URL (the page's copy of a downloaded one), where it
   * was and as it was: position, rate, playing or paused.
   */
  swapSource(url: string) {
    const media = instance?.getMediaElement()
    if (!media || media.src === url) return
    const { currentTime, playbackRate, paused } = media
    media.removeAttribute('preload')
    media.src = url
    media.playbackRate = playbackRate
    media.currentTime = currentTime
    if (!paused) void media.play().catch(() => {})
  },
  /** Called on every frame while playing and after every seek (wavesurfer's `timeupdate`). */
  onTick(listener: TickListener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  time(): number {
    if (!instance) return 0
    return clampToDuration(instance.getCurrentTime())
  },
  seek(seconds: number) {
    if (!instance) return
    const duration = instance.getDuration()
    instance.setTime(Math.min(Math.max(0, seconds), duration || seconds))
  },
  async play() {
    await instance?.play()
  },
  pause() {
    instance?.pause()
  },
  async toggle() {
    await instance?.playPause()
  },
  async playFrom(seconds: number) {
    player.seek(seconds)
    await player.play()
  },
  setRate(rate: number) {
    instance?.setPlaybackRate(rate, true)
  },
  zoom(pxPerSecond: number) {
    // A zoom redraws and lays out the whole detail view: not for the level it already has.
    if (!instance || !usePlayerStore.getState().ready) return
    if ((instance.options.minPxPerSec || 0) !== pxPerSecond) instance.zoom(pxPerSecond)
  },
  scrollToTime(seconds: number) {
    instance?.setScrollTime(Math.max(0, seconds - 2))
  },
}
