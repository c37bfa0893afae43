import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './ErrorBoundary'
import { startUrlDownloads } from '../features/loading/url-downloads'
import './app.css'
import './layout.css'

/** Inputs are files: a failure is not transient and a loaded file never goes stale. */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false },
  },
})

// The call's files download while the page renders for the first time, started in a task of
// their own: the script's evaluation is the page's longest task already.
setTimeout(() => startUrlDownloads(queryClient), 0)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

// A transition: the first render yields to the browser every few ms instead of being one task.
const page = createRoot(root)
startTransition(() =>
  page.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary area="Turnline">
          <App />
        </ErrorBoundary>
      </QueryClientProvider>
    </StrictMode>,
  ),
)
