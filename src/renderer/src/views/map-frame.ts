// Where the sightings map looks: the points' extent with a margin, projected with Mercator
// (shapes of coasts stay right at survey scale) and fitted to the drawing box.
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { GeoPoint } from '@shared/domain'

export interface Extent {
  west: number
  east: number
  south: number
  north: number
}

/** The points' bounding box, widened by a quarter of its size and at least `minDegrees` (about
 * 150 km by default: enough to show the nearest coast around a single sighting at sea). */
export function paddedExtent(points: GeoPoint[], minDegrees = 1.5): Extent | null {
  if (points.length === 0) return null
  const lats = points.map((p) => p.lat)
  const lons = points.map((p) => p.lon)
  const [south, north, west, east] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons)
  ]
  const padLat = Math.max((north - south) / 4, minDegrees)
  const padLon = Math.max((east - west) / 4, minDegrees)
  return {
    south: Math.max(-85, south - padLat),
    north: Math.min(85, north + padLat),
    west: Math.max(-180, west - padLon),
    east: Math.min(180, east + padLon)
  }
}

/** A Mercator projection showing the whole extent inside width x height. */
export function fittedProjection(extent: Extent, width: number, height: number): GeoProjection {
  const corners = {
    type: 'MultiPoint' as const,
    coordinates: [
      [extent.west, extent.south],
      [extent.east, extent.north],
      [extent.west, extent.north],
      [extent.east, extent.south]
    ]
  }
  return geoMercator()
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8]
      ],
      corners
    )
    .clipExtent([
      [0, 0],
      [width, height]
    ])
}

/** The land of a Natural Earth topology as one SVG path under `projection`. */
export function landPath(topology: Topology, projection: GeoProjection): string {
  const land = feature(topology, topology.objects['land'] as GeometryCollection)
  return geoPath(projection)(land) ?? ''
}
