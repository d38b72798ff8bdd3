import { describe, expect, it } from 'vitest'
import type { QueueItem } from '@shared/contract'
import { orderQueue, stepFrom } from './review-order'

const item = (annotationId: string) => ({ annotationId }) as QueueItem
const ids = (items: QueueItem[]) => items.map((i) => i.annotationId)

describe('review order', () => {
  const items = ['a', 'b', 'c', 'd'].map(item)

  it('moves skipped photos to the end in the order skipped, and hides decided ones', () => {
    expect(ids(orderQueue(items, ['c', 'a'], new Set()))).toEqual(['b', 'd', 'c', 'a'])
    expect(ids(orderQueue(items, ['c'], new Set(['b', 'c'])))).toEqual(['a', 'd'])
    expect(ids(orderQueue(items, ['gone'], new Set()))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('steps forward and back, wrapping, and starts at the first', () => {
    expect(stepFrom(items, 'b', 1)).toBe('c')
    expect(stepFrom(items, 'd', 1)).toBe('a')
    expect(stepFrom(items, 'a', -1)).toBe('d')
    expect(stepFrom(items, 'missing', 1)).toBe('a')
    expect(stepFrom([], 'a', 1)).toBeNull()
  })
})
