import { isTypingTarget } from '../common/typing'

// Every review action has a key, so a biologist can work through a survey without the mouse.
// The same table labels the buttons, so the shortcuts shown are the ones that work.
export type ReviewAction =
  | 'next-candidate'
  | 'previous-candidate'
  | 'next-query'
  | 'previous-query'
  | 'skip'
  | 'same'
  | 'different'
  | 'unsure'
  | 'new'
  | 'undo'
  | 'zoom-in'
  | 'zoom-out'
  | 'fit'
  | 'link'
  | 'overlay'

export const SHORTCUTS: Record<ReviewAction, string> = {
  'next-candidate': 'J / ↓',
  'previous-candidate': 'K / ↑',
  'next-query': '→',
  'previous-query': '←',
  skip: 'Q',
  same: 'S',
  different: 'D',
  unsure: 'U',
  new: 'N',
  undo: 'Z',
  'zoom-in': '+',
  'zoom-out': '−',
  fit: '0',
  link: 'L',
  overlay: 'O'
}

const KEYS: Record<string, ReviewAction> = {
  j: 'next-candidate',
  ArrowDown: 'next-candidate',
  k: 'previous-candidate',
  ArrowUp: 'previous-candidate',
  ArrowRight: 'next-query',
  ArrowLeft: 'previous-query',
  q: 'skip',
  s: 'same',
  d: 'different',
  u: 'unsure',
  n: 'new',
  z: 'undo',
  '+': 'zoom-in',
  '=': 'zoom-in',
  '-': 'zoom-out',
  '0': 'fit',
  l: 'link',
  o: 'overlay'
}

interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  target: EventTarget | null
}

/** The action a key press asks for; null for keys that are not shortcuts or typed in a field. */
export function reviewAction(event: KeyLike): ReviewAction | null {
  if (isTypingTarget(event.target) || event.altKey) return null
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  // Ctrl/Cmd+Z is undo as everywhere; other shortcuts are plain keys.
  if (event.ctrlKey || event.metaKey) return key === 'z' ? 'undo' : null
  return KEYS[key] ?? null
}
