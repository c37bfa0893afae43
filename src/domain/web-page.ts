/**
 * Whether a file's first characters are a web page's: a storage service's share or sign-in page,
 * served where the recording or the history was expected.
 */
export function looksLikeWebPage(text: string): boolean {
  return /^\s*<(!doctype html|html|head|body)\b/i.test(text.slice(0, 512))
}

/** What the reviewer is told about a link that gave a web page instead of the file. */
export const WEB_PAGE_INSTEAD =
  'a web page (HTML), not the file: the link may be a share or sign-in page rather than the file’s direct download'
