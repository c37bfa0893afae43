import type { JobSummary } from './decode-protocol'

/**
 * Every job handed to a decode worker, newest last. Exposed as `window.__turnline.decodeJobs` so
 * the end-to-end tests and the benchmark can check what was decoded (a cached reopen: nothing).
 */
const jobs: JobSummary[] = []

declare global {
  interface Window {
    __turnline?: { decodeJobs: JobSummary[] }
  }
}

if (typeof window !== 'undefined') window.__turnline = { decodeJobs: jobs }

export function logDecodeJob(job: JobSummary) {
  jobs.push(job)
}
