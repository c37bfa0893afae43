import { lookUpEarly } from './features/audio/link-lookup'
import { openEarly } from './features/audio/early-opening'
import { parseTextsEarly } from './features/loading/linked-texts'
import { urlCallPlan } from './features/loading/url-sources'

// The page's first script is this small one. A reopened recording's waveform is drawn from the
// cache, and its lookup starts now, while the app's code (React, wavesurfer.js, zod) loads.
performance.mark('page:script')
const { audio, texts } = urlCallPlan()
// The call's files are asked for now too. Its texts are downloaded and parsed in the parse
// worker; the app takes what it parsed. A recording only once the cache has no entry downloaded
// from its link: a reopen's download would take the cores its draw needs. A new one's opening
// is decoded from here.
parseTextsEarly(texts, audio !== undefined)
if (audio) lookUpEarly(audio, (missed) => openEarly(audio, missed))
// React first, the app after it, in tasks of their own: evaluated as one, they were a cold open's
// longest task (90–190 ms on two slow cores).
void import('react-dom/client').then(() => import('./app/start'))
