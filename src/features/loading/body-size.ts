/** The body's length in bytes, when the response says it and no content encoding changes it. */
export function exactSize(response: Response, announced: number | undefined): number | undefined {
  const encoding = response.headers.get('content-encoding')
  return encoding && encoding !== 'identity' ? undefined : announced
}
