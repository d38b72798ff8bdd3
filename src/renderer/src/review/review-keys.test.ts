import { describe, expect, it } from 'vitest'
import { reviewAction } from './review-keys'

const press = (key: string, extra: Partial<Parameters<typeof reviewAction>[0]> = {}) =>
  reviewAction({ key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra })

describe('review shortcuts', () => {
  it('maps letters in either case and arrows', () => {
    expect(press('s')).toBe('same')
    expect(press('S')).toBe('same')
    expect(press('ArrowDown')).toBe('next-candidate')
    expect(press('ArrowRight')).toBe('next-query')
    expect(press('x')).toBeNull()
  })

  it('takes Ctrl+Z and Cmd+Z as undo, and no other modified key', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo')
    expect(press('z', { metaKey: true })).toBe('undo')
    expect(press('s', { ctrlKey: true })).toBeNull()
  })

  it('leaves keys typed into a field alone', () => {
    const input = { tagName: 'INPUT', isContentEditable: false, getAttribute: () => null }
    expect(press('s', { target: input as unknown as EventTarget })).toBeNull()
  })
})
