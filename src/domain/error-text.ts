/** What a caught value says: an Error's message, or the value itself as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
