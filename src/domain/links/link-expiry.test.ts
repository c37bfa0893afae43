import { expect, test } from 'vitest'
import { expiryWording, linkExpiry } from './link-expiry'

const iso = (link: string) => linkExpiry(link)?.toISOString()

test('an AWS Signature V4 link expires its lifetime after it was signed', () => {
  const link =
    'https://bucket.s3.us-east-1.amazonaws.com/rooms/call.ogg?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    '&X-Amz-Credential=AKIA%2F20261204%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T101500Z' +
    '&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=abc'
  expect(iso(link)).toBe('2026-12-04T11:15:00.000Z')
})

test('a Google Cloud Storage V4 link, with names in any case', () => {
  const link =
    'https://storage.googleapis.com/b/call.ogg?x-goog-date=20261204T230000Z&x-goog-expires=900'
  expect(iso(link)).toBe('2026-12-04T23:15:00.000Z')
})

test('V2 and CloudFront links give the time itself, in Unix seconds', () => {
  expect(
    iso('https://d1.cloudfront.net/call.ogg?Expires=1796342400&Signature=x&Key-Pair-Id=K'),
  ).toBe('2026-12-04T00:00:00.000Z')
})

test('an Azure SAS link ends at its `se` time', () => {
  const link =
    'https://acct.blob.core.windows.net/c/call.ogg?sv=2022-11-02&se=2026-12-04T12:30:00Z&sig=x'
  expect(iso(link)).toBe('2026-12-04T12:30:00.000Z')
})

test('a link without a signature, or with a malformed one, has no known expiry', () => {
  expect(linkExpiry('https://example.com/call.ogg')).toBeUndefined()
  expect(linkExpiry('recordings/call.ogg')).toBeUndefined()
  expect(linkExpiry('https://x/call.ogg?X-Amz-Date=yesterday&X-Amz-Expires=60')).toBeUndefined()
  expect(
    linkExpiry('https://x/call.ogg?X-Amz-Date=20261204T101500Z&X-Amz-Expires=-5'),
  ).toBeUndefined()
  expect(linkExpiry('https://x/call.ogg?Expires=soon')).toBeUndefined()
  expect(linkExpiry('https://x/call.ogg?se=never')).toBeUndefined()
})

test('the time left is said in minutes, hours or days, and past expiry as how long ago', () => {
  const now = new Date('2026-12-04T10:00:00Z')
  const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
  expect(expiryWording(after(23), now)).toBe('expires in 23 min')
  expect(expiryWording(after(125), now)).toBe('expires in 2 h 5 min')
  expect(expiryWording(after(180), now)).toBe('expires in 3 h')
  expect(expiryWording(after(7 * 24 * 60), now)).toBe('expires in 7 days')
  expect(expiryWording(after(0.2), now)).toBe('expires now')
  expect(expiryWording(after(-4), now)).toBe('expired 4 min ago')
})
