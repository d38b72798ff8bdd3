import type { QueueItem } from '@shared/contract'

/**
 * The order the queue is worked in: the server's order, with skipped photos moved to the end
 * (in the order they were skipped) and photos just decided hidden until the server agrees.
 */
export function orderQueue(
  items: readonly QueueItem[],
  skipped: readonly string[],
  hidden: ReadonlySet<string>
): QueueItem[] {
  const later = new Set(skipped)
  const byId = new Map(items.map((item) => [item.annotationId, item]))
  const now = items.filter(
    (item) => !later.has(item.annotationId) && !hidden.has(item.annotationId)
  )
  const after = skipped.flatMap((id) => {
    const item = byId.get(id)
    return item && !hidden.has(id) ? [item] : []
  })
  return [...now, ...after]
}

/** The item `step` places from `currentId` (wrapping), or the first one. */
export function stepFrom(
  order: readonly QueueItem[],
  currentId: string | null,
  step: number
): string | null {
  if (order.length === 0) return null
  const at = order.findIndex((item) => item.annotationId === currentId)
  if (at < 0) return order[0]?.annotationId ?? null
  return order[(at + step + order.length) % order.length]?.annotationId ?? null
}
