import { useEffect, useMemo } from 'react'
import { ExportMenu } from '../features/export/ExportMenu'
import { OffsetPanel } from '../features/correct/OffsetPanel'
import { SaveNotice } from '../features/correct/SaveNotice'
import { SelectionPanel } from '../features/inspect/SelectionPanel'
import { LinkedRecordingNotice } from '../features/audio/LinkedRecordingNotice'
import { UrlCallStatus } from '../features/loading/LoadStatus'
import { NotSameCallDialog } from '../features/loading/NotSameCallDialog'
import { OpenFiles } from '../features/loading/OpenFiles'
import { urlCallPlan } from '../features/loading/url-sources'
import { Transport } from '../features/player/Transport'
import { Transcript } from '../features/transcript/Transcript'
import { DataWarnings } from '../features/warnings/DataWarnings'
import { ProblemsBanner } from '../features/warnings/ProblemsBanner'
import { FindingsPanel } from '../features/review/FindingsPanel'
import { MatchStrip } from '../features/review/MatchStrip'
import { ReviewSummary } from '../features/review/ReviewSummary'
import { Waveform } from '../features/waveform/Waveform'
import { useCallStore } from '../store/call-store'
import { CallSummary } from './CallSummary'
import { ErrorBoundary } from './ErrorBoundary'
import { handleKeyDown } from './commands'
import { Legend } from './Legend'
import { Logo } from './Logo'
import { Shortcuts } from './Shortcuts'
import { WordTiming } from '../features/words/WordTiming'

export function App() {
  const isDemo = useMemo(() => urlCallPlan().isDemo, [])
  const hasTimeline = useCallStore((s) => s.timeline !== undefined)
  const showsDemo = useCallStore((s) => isDemo && !s.reviewerOpenedFiles)

  useEffect(() => {
    window.addEventListener('keydown', handleKeyDown)
    return () => window.removeEventListener('keydown', handleKeyDown)
  }, [])

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <Logo /> Turnline
        </h1>
        {showsDemo && <span className="demo-badge">Demo call</span>}
        <CallSummary />
        <span className="spacer" />
        <OpenFiles />
        <ExportMenu />
      </header>
      <ReviewSummary />
      <ProblemsBanner />
      <SaveNotice />
      <NotSameCallDialog />
      <UrlCallStatus />
      <LinkedRecordingNotice />
      <ErrorBoundary area="The workspace">
        <main className="workspace">
          <div className="player-column">
            <Waveform />
            <MatchStrip />
            <Transport />
            {hasTimeline && <OffsetPanel />}
            {hasTimeline && <SelectionPanel />}
            {hasTimeline && <FindingsPanel />}
            <DataWarnings />
            <Legend />
            <Shortcuts />
          </div>
          <Transcript />
          <WordTiming />
        </main>
      </ErrorBoundary>
    </div>
  )
}
