import type { ChatItem } from '../call'
import { messageText } from '../text'
import type { Basis, PlacedItem } from '../timeline'

export interface MarkerPlacement {
  start: number
  basis: Basis
}

/**
 * Where a marker goes when it has no `created_at` (a default `to_dict()`): a call goes to the end
 * of the assistant message whose id prefixes its own (`<generation id>/fnc_n`), an output to its
 * call, anything else right after the item before it in history order.
 */
export function markerFallback(
  item: ChatItem,
  placedById: ReadonlyMap<string, PlacedItem>,
  callsById: ReadonlyMap<string, MarkerPlacement>,
  previous: PlacedItem | undefined,
): MarkerPlacement {
  if (item.type === 'function_call') {
    const owner = placedById.get(item.id.split('/fnc_')[0] ?? '')
    if (owner) return { start: owner.end ?? owner.start, basis: 'estimate' }
  }
  if (item.type === 'function_call_output') {
    const call = callsById.get(item.call_id)
    if (call) return { start: call.start, basis: 'estimate' }
  }
  const after = previous ? (previous.end ?? previous.start) : 0
  return { start: after, basis: 'estimate' }
}

export function markerText(item: ChatItem): string {
  switch (item.type) {
    case 'function_call':
      return `${item.name}(${item.arguments})`
    case 'function_call_output':
      return `${item.name} → ${item.output}`
    case 'agent_handoff':
      return item.old_agent_id
        ? `${item.old_agent_id} → ${item.new_agent_id}`
        : `start ${item.new_agent_id}`
    case 'agent_config_update': {
      const added = item.tools_added?.length ? ` +${item.tools_added.join(', +')}` : ''
      const removed = item.tools_removed?.length ? ` −${item.tools_removed.join(', −')}` : ''
      return `agent config${added}${removed}`
    }
    case 'message':
      return messageText(item)
  }
}
