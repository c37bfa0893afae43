/**
 * What makes a signed link valid rather than which file it names, by the parameter that says the
 * scheme is there (lower case): a dashboard signs a recording's link again on every visit, so the
 * same file comes back under a new query each time.
 */
const SIGNATURES: { when: string; drop: readonly string[] }[] = [
  // AWS Signature V4 (S3, R2, MinIO); a temporary credential's token.
  { when: 'x-amz-signature', drop: ['x-amz-', 'x-id'] },
  // Google Cloud Storage V4.
  { when: 'x-goog-signature', drop: ['x-goog-'] },
  // AWS Signature V2, GCS V2, CloudFront (canned and custom policies).
  {
    when: 'signature',
    drop: ['signature', 'expires', 'awsaccesskeyid', 'googleaccessid', 'key-pair-id', 'policy'],
  },
  // Azure Blob SAS: its fields have short names, dropped only beside its signature.
  {
    when: 'sig',
    drop: [
      ...['sig', 'sv', 'ss', 'srt', 'sp', 'se', 'st', 'spr', 'sr', 'si', 'sdd', 'ses'],
      ...['skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'saoid', 'suoid', 'scid'],
      ...['rscc', 'rscd', 'rsce', 'rscl', 'rsct'],
    ],
  },
]

/**
 * `link` without its signature, its expiry and its fragment: the same for every signing of one
 * file's link, so a cache entry is found by a link signed again. Whether the file behind it is
 * still the one cached is for its content to say (the cache confirms a hit by the file's bytes).
 * A parameter is dropped when its name is one of its scheme's, or starts with one ending in `-`.
 */
export function unsignedLink(link: string): string {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return link
  }
  const names = [...url.searchParams.keys()].map((name) => name.toLowerCase())
  const schemes = SIGNATURES.filter((scheme) => names.includes(scheme.when))
  if (schemes.length === 0) return `${url.origin}${url.pathname}${url.search}`
  const signed = (name: string) =>
    schemes.some((scheme) =>
      scheme.drop.some((part) => (part.endsWith('-') ? name.startsWith(part) : name === part)),
    )
  const kept = new URLSearchParams()
  for (const [name, value] of url.searchParams)
    if (!signed(name.toLowerCase())) kept.append(name, value)
  const query = kept.toString()
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`
}

/** Whether two links name the same file, each signed or not, alike or not (see `unsignedLink`). */
export function sameLink(a: string | undefined, b: string): boolean {
  return a !== undefined && unsignedLink(a) === unsignedLink(b)
}
