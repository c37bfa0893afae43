export type Progress = (loaded: number, total: number | undefined) => void

async function checkedFetch(url: string): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new Error(
      `${url}: could not be fetched (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    )
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim())
  return response
}

/** Static hosts answer a missing file with their index page: that is not a history. */
export async function fetchText(url: string): Promise<string> {
  const response = await checkedFetch(url)
  if ((response.headers.get('content-type') ?? '').includes('text/html'))
    throw new Error(`${url}: an HTML page came back instead of JSON; the file is probably missing`)
  return response.text()
}

/** Reads the body in chunks so the UI can show how far a long recording has come. */
export async function fetchBytes(
  url: string,
  onProgress: Progress,
): Promise<{ bytes: ArrayBuffer; type: string }> {
  const response = await checkedFetch(url)
  const type = response.headers.get('content-type') ?? ''
  const total = Number(response.headers.get('content-length')) || undefined
  if (!response.body) return { bytes: await response.arrayBuffer(), type }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let loaded = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    loaded += value.byteLength
    onProgress(loaded, total)
  }
  const bytes = new Uint8Array(loaded)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { bytes: bytes.buffer, type }
}
