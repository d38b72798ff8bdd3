// The embedding map: the current model's vectors of the catalogue laid out in 2-D, coloured by
// individual. The layout (the slow part) depends only on the vectors; who each point belongs to
// is read from the catalogue on every request, so a decision recolours at once.
import type { EmbeddingMap, EmbeddingPoint } from '../../shared/contract'
import type { CatalogData } from '../../shared/domain'
import { annotationIdOf, type EmbeddingIndex } from '../engine/index/embedding-index'
import {
  nearestNeighbours,
  project,
  type ProjectOptions,
  type ProjectionMethod
} from './projection'

/** Above this many points the exact nearest-neighbour check (quadratic) is skipped. */
export const MAX_NEIGHBOUR_POINTS = 5000

export interface Layout {
  signature: string
  modelId: string
  method: ProjectionMethod
  annotationIds: string[]
  coords: [number, number][]
  /** Row of each point's nearest neighbour in the model's space; null when not computed. */
  neighbours: number[] | null
}

/** Which vectors a layout was drawn from: same signature, same map. */
export function layoutSignature(catalogDir: string, index: EmbeddingIndex): string {
  // FNV-1a over the keys: a changed box changes its key (`id@updatedAt`).
  let hash = 0x811c9dc5
  for (const key of index.keys) {
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  }
  return `${catalogDir}|${index.modelId}|${index.keys.length}|${(hash >>> 0).toString(16)}`
}

export async function computeLayout(
  catalogDir: string,
  index: EmbeddingIndex,
  options: ProjectOptions = {}
): Promise<Layout> {
  const { method, coords } = await project(index.vectors, options)
  const neighbours =
    index.vectors.length <= MAX_NEIGHBOUR_POINTS
      ? await nearestNeighbours(index.vectors, options.signal)
      : null
  return {
    signature: layoutSignature(catalogDir, index),
    modelId: index.modelId,
    method,
    annotationIds: index.keys.map(annotationIdOf),
    coords,
    neighbours
  }
}

/** The layout with today's labels; annotations deleted since are left out. */
export function embeddingMapOf(data: CatalogData, layout: Layout): EmbeddingMap {
  const annotations = new Map(data.annotations.map((a) => [a.id, a]))
  const labelOf = (row: number) =>
    annotations.get(layout.annotationIds[row] ?? '')?.individualId ?? null
  const points: EmbeddingPoint[] = []
  layout.annotationIds.forEach((annotationId, row) => {
    const annotation = annotations.get(annotationId)
    const [x, y] = layout.coords[row] ?? [0.5, 0.5]
    if (!annotation) return
    const neighbour = layout.neighbours?.[row] ?? -1
    const mine = annotation.individualId
    const theirs = neighbour >= 0 ? labelOf(neighbour) : null
    points.push({
      annotationId,
      photoId: annotation.photoId,
      individualId: mine,
      x,
      y,
      neighbourAnnotationId: neighbour >= 0 ? (layout.annotationIds[neighbour] ?? null) : null,
      // Both labelled, and differently: one of the two may be filed under the wrong whale.
      suspect: mine !== null && theirs !== null && mine !== theirs
    })
  })
  const used = new Set(points.map((p) => p.individualId))
  return {
    modelId: layout.modelId,
    method: layout.method,
    points,
    individuals: data.individuals
      .filter((i) => used.has(i.id))
      .map((i) => ({ id: i.id, name: i.name })),
    notEmbedded: data.annotations.length - points.length,
    neighboursChecked: layout.neighbours !== null
  }
}
