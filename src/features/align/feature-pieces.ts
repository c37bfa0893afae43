import type { AlignmentFeatures, ChannelFeatures } from '../../domain/audio/features'
import { emptyFeatures, FEATURE_FIELDS } from '../../domain/audio/range-assembly'
import { nextTask } from '../loading/next-task'

/**
 * The alignment features go to a worker a piece per task: one structured clone of an hour's
 * features (23 MB a channel) held the page for 30 ms and more.
 */
const PIECE_VALUES = 1 << 20

type Field = keyof ChannelFeatures

export type FeatureMessage =
  | { kind: 'features'; frames: number; channels: number }
  | { kind: 'piece'; channel: number; field: Field; at: number; values: Float32Array }

/** Posts `features` to `worker` in pieces; false (and stops) once `stillWanted` turns false. */
export async function postFeatures(
  worker: Worker,
  features: AlignmentFeatures,
  stillWanted: () => boolean,
): Promise<boolean> {
  const begin: FeatureMessage = {
    kind: 'features',
    frames: features.frames,
    channels: features.channels.length,
  }
  worker.postMessage(begin)
  for (const [channel, arrays] of features.channels.entries())
    for (const field of FEATURE_FIELDS)
      for (let at = 0; at < arrays[field].length; at += PIECE_VALUES) {
        await nextTask()
        if (!stillWanted()) return false
        // A copy, transferred: posting a view would clone its whole buffer.
        const values = arrays[field].slice(at, at + PIECE_VALUES)
        const piece: FeatureMessage = { kind: 'piece', channel, field, at, values }
        worker.postMessage(piece, [values.buffer])
      }
  return true
}

/** The worker's side: the features, whole once every piece has arrived. */
export class ReceivedFeatures {
  private features: AlignmentFeatures | undefined

  receive(message: FeatureMessage) {
    if (message.kind === 'features') {
      this.features = emptyFeatures(message.channels, message.frames)
      return
    }
    const channel = this.features?.channels[message.channel]
    if (!channel) throw new Error(`a feature piece for channel ${message.channel} came first`)
    channel[message.field].set(message.values, message.at)
  }

  take(): AlignmentFeatures {
    if (!this.features) throw new Error('no features were sent')
    return this.features
  }
}
