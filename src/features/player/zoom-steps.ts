/** Waveform zoom levels in px per second; 0 fits the whole call in the view. */
export const ZOOM_STEPS = [0, 20, 50, 100, 200, 400, 800] as const
