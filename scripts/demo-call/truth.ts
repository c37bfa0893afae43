// truth.json: the exact position in audio.ogg (seconds from sample 0) of every history item and
// every spoken word, straight from the layout. Tests compare the app's placement against it.

import { historyItems, type JsonObject } from './chat-items.js'
import type { PlacedBackchannel, PlacedTurn } from './layout.js'
import type { Message } from './timeline.js'
import { RECORDING_T0_US, positionOf, toSeconds, type Micros } from './time.js'

function wordsOf(placed: PlacedTurn): JsonObject[] {
  return placed.words.map((word) => ({
    text: word.text,
    start_s: toSeconds(word.start),
    end_s: toSeconds(word.end),
    heard: word.heard,
  }))
}

export function truth(
  messages: Message[],
  backchannel: PlacedBackchannel,
  durationSeconds: number,
): JsonObject {
  const spoken = new Map(messages.map((message) => [message.turn.id, message]))
  const items = historyItems(messages).map(({ id, type, createdAt }) => {
    const message = spoken.get(id)
    const marker: Micros = positionOf(createdAt)
    return {
      start: message ? message.placed.start : marker,
      entry: {
        id,
        type,
        ...(message ? { role: message.role } : {}),
        start_s: toSeconds(message ? message.placed.start : marker),
        end_s: toSeconds(message ? message.placed.end : marker),
        words: message ? wordsOf(message.placed) : [],
      },
    }
  })
  return {
    t0_unix: toSeconds(RECORDING_T0_US),
    duration_s: durationSeconds,
    items: items.sort((a, b) => a.start - b.start).map(({ entry }) => entry),
    backchannels: [
      {
        text: backchannel.text,
        start_s: toSeconds(backchannel.start),
        end_s: toSeconds(backchannel.end),
      },
    ],
  }
}
