import { player, usePlayerStore } from './player'

let stopWatching: (() => void) | undefined

/**
 * Plays `[from, to]` and pauses at `to`. A seek elsewhere or a pause by the reviewer ends the
 * span early, so it never stops playback the reviewer started later.
 */
export function playSpan(from: number, to: number) {
  stopWatching?.()
  player.seek(from)
  const off = player.onTick((t) => {
    if (t >= to) {
      player.pause()
      player.seek(to)
      done()
    } else if (t < from - 0.05) done()
  })
  const offPause = usePlayerStore.subscribe((s, prev) => {
    if (prev.playing && !s.playing) done()
  })
  const done = () => {
    off()
    offPause()
    if (stopWatching === done) stopWatching = undefined
  }
  stopWatching = done
  void player.play()
}
