import { describe, expect, it } from 'vitest'
import { broadClasses } from './broad-classes'

describe('broadClasses', () => {
  it('reads letters as broad classes, runs of one class merged', () => {
    expect(broadClasses('stops')).toEqual(['fricative', 'stop', 'vowel', 'stop', 'fricative'])
    expect(broadClasses('man')).toEqual(['sonorant', 'vowel', 'sonorant'])
  })

  it('reads digraphs as one sound and a closure before an affricate', () => {
    expect(broadClasses('shop')).toEqual(['fricative', 'vowel', 'stop'])
    expect(broadClasses('check')).toEqual(['stop', 'fricative', 'vowel', 'stop'])
    expect(broadClasses('thing')).toEqual(['fricative', 'vowel', 'sonorant'])
  })

  it('drops a silent final e and reads a vowel before r as one coloured vowel', () => {
    expect(broadClasses('phone')).toEqual(['fricative', 'vowel', 'sonorant'])
    expect(broadClasses('number')).toEqual(['sonorant', 'vowel', 'sonorant', 'stop', 'vowel'])
  })

  it('reads c before e, i, y as s, and punctuation and case as nothing', () => {
    expect(broadClasses('Nice,')).toEqual(['sonorant', 'vowel', 'fricative'])
  })

  it('gives digits a syllable each and any word at least a vowel', () => {
    expect(broadClasses('42')).toEqual(['sonorant', 'vowel', 'sonorant', 'vowel', 'sonorant'])
    expect(broadClasses('—')).toEqual(['vowel'])
  })
})
