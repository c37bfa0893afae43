import { describe, expect, it } from 'vitest'
import { speechSegments, withoutSustainedSound } from './speech-segments'
import { addChords, addNoise, addSpeech, featuresOf, TEST_RATE } from './test-signals'

const starts = [0.5, 2.3, 4.1, 6.7, 9.05]

function bursts(): Float32Array {
  const signal = new Float32Array(11 * TEST_RATE)
  starts.forEach((start, i) => addSpeech(signal, { start, duration: 1.2, f0: 120 + 20 * i }, i))
  addNoise(signal, 0.002)
  return signal
}

describe('speech segments', () => {
  it('finds every burst within 20 ms of its onset', () => {
    const { energy } = featuresOf([bursts()]).channels[0]!
    const segments = speechSegments(energy)
    expect(segments).toHaveLength(starts.length)
    segments.forEach((s, i) => expect(Math.abs(s.start - starts[i]!)).toBeLessThan(0.02))
  })

  it('finds no speech in noise alone', () => {
    const noise = new Float32Array(5 * TEST_RATE)
    addNoise(noise, 0.01)
    expect(speechSegments(featuresOf([noise]).channels[0]!.energy)).toEqual([])
  })

  it('rejects a long sustained chord block and keeps the speech around it', () => {
    const signal = bursts()
    const longer = new Float32Array(20 * TEST_RATE)
    longer.set(signal)
    addChords(longer, 12, 6)
    const channel = featuresOf([longer]).channels[0]!
    const all = speechSegments(channel.energy)
    expect(all.some((s) => s.start > 11.9 && s.end > 17)).toBe(true)
    const speech = withoutSustainedSound(all, channel.energy)
    expect(speech.every((s) => s.start < 11.5)).toBe(true)
    expect(speech).toHaveLength(starts.length)
  })
})
