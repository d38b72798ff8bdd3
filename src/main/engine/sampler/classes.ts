import { NEW_WHALE } from '../../../shared/domain'

/** Labels that name no individual: never a class, never an anchor. */
export function isUnknownLabel(label: string | null | undefined): boolean {
  return label === null || label === undefined || label.trim() === '' || label === NEW_WHALE
}

export type ClassIndex = {
  /** Class id -> label, sorted so ids do not depend on the order photos were imported. */
  names: string[]
  /** Class id -> its items, in item order. */
  itemsByClass: number[][]
  /** Item -> class id, or -1 for an unknown label. */
  classOfItem: Int32Array
}

export function indexClasses(labels: ReadonlyArray<string | null>): ClassIndex {
  const names = [...new Set(labels.filter((l): l is string => !isUnknownLabel(l)))].sort()
  const id = new Map(names.map((name, i) => [name, i]))
  const itemsByClass: number[][] = names.map(() => [])
  const classOfItem = new Int32Array(labels.length).fill(-1)
  labels.forEach((label, item) => {
    const c = label === null ? undefined : id.get(label)
    if (c === undefined) return
    classOfItem[item] = c
    itemsByClass[c]?.push(item)
  })
  return { names, itemsByClass, classOfItem }
}
