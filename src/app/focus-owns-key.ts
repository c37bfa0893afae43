/** Keys a focused control handles itself; the global shortcuts must not take them. */
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])
const SLIDER_KEYS = new Set([...ARROWS, 'PageUp', 'PageDown'])
const PRESS_KEYS = new Set([' ', 'Enter'])
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'file', 'color'])

/**
 * True when the focused element gives `key` a native meaning: typing in a field, pressing a
 * button with Space or Enter, moving a slider, a radio group or a listbox with the arrows.
 */
export function focusOwnsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const role = target.getAttribute('role')
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return SLIDER_KEYS.has(key)
    if (target.type === 'checkbox') return key === ' '
    if (target.type === 'radio') return key === ' ' || ARROWS.has(key)
    return BUTTON_INPUT_TYPES.has(target.type) ? PRESS_KEYS.has(key) : true
  }
  if (role === 'slider') return SLIDER_KEYS.has(key)
  if (role === 'radio' || role === 'tab') {
    return PRESS_KEYS.has(key) || ARROWS.has(key)
  }
  const pressable =
    target instanceof HTMLButtonElement ||
    target instanceof HTMLAnchorElement ||
    target.tagName === 'SUMMARY' ||
    role === 'button' ||
    role === 'checkbox' ||
    role === 'switch'
  return pressable && PRESS_KEYS.has(key)
}
