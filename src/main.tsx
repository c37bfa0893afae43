import { lookUpEarly } from './features/audio/link-lookup'
import { urlCallPlan } from './features/loading/url-sources'

// The page's first script is this small one. A reopened recording's waveform is drawn from the
// cache, and its lookup starts now, while the app's code (React, wavesurfer.js, zod) loads.
performance.mark('page:script')
const { audio } = urlCallPlan()
if (audio) lookUpEarly(audio)
void import('./app/start')
