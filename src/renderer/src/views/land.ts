// Natural Earth's land at 1:50m, bundled into the renderer by vite: the map never asks a tile
// server (there is none offline, and the CSP would refuse one). 1:50m keeps survey-scale coasts
// (Stellwagen, Cape Cod) recognisable; 1:10m would add 3 MB for little.
import type { Topology } from 'topojson-specification'
import land50m from 'world-atlas/land-50m.json'

export const LAND: Topology = land50m as unknown as Topology
