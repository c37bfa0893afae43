/** Tool arguments and outputs are JSON text more often than not: indent it when it parses. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
