/**
 * When a signed link to a recording stops answering, read from its query: the schemes object
 * stores and CDNs sign links with (an Egress recording is usually shared so). Undefined for a
 * link that carries none, or a malformed one.
 *
 * - AWS Signature V4 (S3, R2, MinIO): `X-Amz-Date` (`20261204T101500Z`) plus `X-Amz-Expires` s.
 * - Google Cloud Storage V4: `X-Goog-Date` plus `X-Goog-Expires` s.
 * - AWS Signature V2, GCS V2, CloudFront canned policies: `Expires`, Unix seconds.
 * - Azure Blob SAS: `se`, an ISO 8601 time.
 */
export function linkExpiry(link: string): Date | undefined {
  let query: URLSearchParams
  try {
    query = new URL(link, 'http://relative.invalid').searchParams
  } catch {
    return undefined
  }
  const param = (name: string) => {
    for (const [key, value] of query) if (key.toLowerCase() === name) return value
    return undefined
  }
  const signedAt = param('x-amz-date') ?? param('x-goog-date')
  const lifetime = param('x-amz-expires') ?? param('x-goog-expires')
  if (signedAt !== undefined && lifetime !== undefined)
    return plus(compactTime(signedAt), seconds(lifetime))
  const expires = param('expires')
  if (expires !== undefined) return at(seconds(expires) * 1000)
  const sasEnd = param('se')
  if (sasEnd !== undefined && /^\d{4}-\d{2}-\d{2}/.test(sasEnd)) return at(Date.parse(sasEnd))
  return undefined
}

/** `20261204T101500Z`, as signatures write their time. */
function compactTime(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  if (!m) return NaN
  const [, y, mo, d, h, mi, s] = m.map(Number)
  return Date.UTC(y!, mo! - 1, d, h, mi, s)
}

function seconds(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : NaN
}

function plus(ms: number, s: number): Date | undefined {
  return at(ms + s * 1000)
}

function at(ms: number): Date | undefined {
  return Number.isFinite(ms) ? new Date(ms) : undefined
}

/** The time of day of `time` in the reviewer's locale, to the minute ("12:51 AM"). */
export function clockTime(time: Date): string {
  return time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}

/** "in 23 min", "in 2 h 5 min", "expired 4 min ago": how long the link has left at `now`. */
export function expiryWording(expiry: Date, now: Date): string {
  const minutes = Math.round((expiry.getTime() - now.getTime()) / 60_000)
  if (minutes <= 0) return minutes === 0 ? 'expires now' : `expired ${duration(-minutes)} ago`
  return `expires in ${duration(minutes)}`
}

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours >= 48) return `${Math.round(hours / 24)} days`
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}
