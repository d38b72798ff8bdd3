// The editor's view of the photo: a zoom factor and a shift in screen pixels, applied as one
// CSS transform (translate, then scale, origin top left) to the image and its box layer
// together. The boxes' SVG reads the pointer through getScreenCTM, which includes that
// transform, so saved coordinates stay in the original's pixels at any zoom.

export interface View {
  zoom: number
  x: number
  y: number
}

export const FIT: View = { zoom: 1, x: 0, y: 0 }
export const MIN_ZOOM = 1
export const MAX_ZOOM = 16

/** The view zoomed by `factor` keeping the photo point under `at` (frame pixels) in place. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor))
  if (zoom === MIN_ZOOM) return FIT
  // The photo point under the cursor: at = shift + zoom * point.
  const px = (at.x - view.x) / view.zoom
  const py = (at.y - view.y) / view.zoom
  return { zoom, x: at.x - zoom * px, y: at.y - zoom * py }
}

/** A wheel step (deltaY in pixels) as a zoom factor: about 10 % per notch. */
export function wheelFactor(deltaY: number): number {
  return Math.exp(-Math.max(-300, Math.min(300, deltaY)) * 0.001)
}

export function panBy(view: View, dx: number, dy: number): View {
  return view.zoom === 1 ? view : { ...view, x: view.x + dx, y: view.y + dy }
}

export const transformOf = (view: View): string =>
  `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`
