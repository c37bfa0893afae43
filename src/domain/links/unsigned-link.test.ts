import { describe, expect, it } from 'vitest'
import { sameLink, unsignedLink } from './unsigned-link'

const object = 'https://bucket.s3.us-east-1.amazonaws.com/calls/room-42/audio.ogg'

describe('unsignedLink', () => {
  it('is the same for two signings of one S3 object (Signature V4, with a session token)', () => {
    const signing = (date: string, signature: string) =>
      `${object}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261206%2Fus-east-1%2Fs3%2Faws4_request` +
      `&X-Amz-Date=${date}&X-Amz-Expires=3600&X-Amz-Security-Token=abc&X-Amz-SignedHeaders=host` +
      `&x-id=GetObject&X-Amz-Signature=${signature}`
    expect(unsignedLink(signing('20261206T101500Z', 'aa11'))).toBe(object)
    expect(unsignedLink(signing('20261207T080000Z', 'bb22'))).toBe(object)
  })

  it.each([
    [
      'GCS V4',
      'https://storage.googleapis.com/b/audio.ogg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa&X-Goog-Date=20261206T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=ff',
      'https://storage.googleapis.com/b/audio.ogg',
    ],
    [
      'S3 and GCS V2',
      'https://b.s3.amazonaws.com/audio.ogg?AWSAccessKeyId=AKIA&Expires=1796551051&Signature=x%2By',
      'https://b.s3.amazonaws.com/audio.ogg',
    ],
    [
      'CloudFront',
      'https://d111.cloudfront.net/audio.ogg?Expires=1796551051&Signature=abc~&Key-Pair-Id=K2',
      'https://d111.cloudfront.net/audio.ogg',
    ],
    [
      'an Azure SAS, keeping a parameter of the link’s own',
      'https://acct.blob.core.windows.net/c/audio.ogg?sp=r&st=2026-12-06T10:00:00Z&se=2026-12-06T18:00:00Z&spr=https&sv=2022-11-02&sr=b&skoid=1&rscd=inline&version=3&sig=q%3D',
      'https://acct.blob.core.windows.net/c/audio.ogg?version=3',
    ],
  ])('drops the signature of %s', (_, signed, unsigned) => {
    expect(unsignedLink(signed)).toBe(unsigned)
  })

  it('keeps every parameter of a link that is not signed, and short ones beside no signature', () => {
    expect(unsignedLink('https://calls.example.com/get?id=7&st=2&sp=r#t=5')).toBe(
      'https://calls.example.com/get?id=7&st=2&sp=r',
    )
  })

  it('tells apart two files at one path by their other parameters', () => {
    const v = (id: string) => `${object}?versionId=${id}&X-Amz-Signature=1`
    expect(unsignedLink(v('a'))).not.toBe(unsignedLink(v('b')))
  })

  it('leaves what is not an absolute URL as it is', () => {
    expect(unsignedLink('audio.ogg?sig=1')).toBe('audio.ogg?sig=1')
  })
})

describe('sameLink', () => {
  it('is true for one file signed twice, false for none or another file', () => {
    const signed = (path: string, signature: string) =>
      `https://b.s3.amazonaws.com/${path}?X-Amz-Date=20261206T1${signature}Z&X-Amz-Signature=${signature}`
    expect(sameLink(signed('a.ogg', '01'), signed('a.ogg', '02'))).toBe(true)
    expect(sameLink(signed('a.ogg', '01'), signed('b.ogg', '01'))).toBe(false)
    expect(sameLink(undefined, signed('a.ogg', '01'))).toBe(false)
  })
})
