/** The body's length in bytes, when the response says it and no content encoding changes it. */
export function exactSize(response: Response, announced: number | undefined): number | undefined {
  const encoding = response.headers.get('content-encoding')
  return encoding && encoding !== 'identity' ? undefined : announced
}

/** What a range request's answer holds: its bytes' first and last position and the file's size. */
export interface AnsweredRange {
  at: number
  last: number
  size: number
}

/** The range a `206 Partial Content` answer says it holds (`Content-Range`); undefined for any other. */
export function answeredRange(response: Response): AnsweredRange | undefined {
  const answered = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
  if (response.status !== 206 || !answered) return undefined
  const [at, last, size] = [1, 2, 3].map((i) => Number(answered[i])) as [number, number, number]
  return Number.isSafeInteger(size) ? { at, last, size } : undefined
}
