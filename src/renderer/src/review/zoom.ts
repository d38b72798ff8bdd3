// Zoom and pan of a comparison pane as plain numbers: the image is drawn at `scale` times its
// fitted size, its top-left corner moved by (x, y) pixels. Both panes share one View when
// linked, so the same gesture shows the same part of both flukes.
export interface View {
  scale: number
  x: number
  y: number
}

export const FIT: View = { scale: 1, x: 0, y: 0 }
export const MAX_SCALE = 16
/** Above this the pane loads the full-resolution crop. */
export const FULL_RESOLUTION_SCALE = 2

/** Zooms by `factor` keeping the point (px, py) of the pane where it is. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(1, view.scale * factor))
  if (scale === 1) return FIT
  const f = scale / view.scale
  return { scale, x: px - (px - view.x) * f, y: py - (py - view.y) * f }
}

/** Moves the image by (dx, dy), never so far that it leaves the pane empty. */
export function panBy(view: View, dx: number, dy: number, width: number, height: number): View {
  if (view.scale === 1) return view
  const clamp = (value: number, size: number) =>
    Math.min(0, Math.max(size - size * view.scale, value))
  return { ...view, x: clamp(view.x + dx, width), y: clamp(view.y + dy, height) }
}

/** Wheel delta to zoom factor: one notch (100 px) is 1.25x. */
export function wheelFactor(deltaY: number): number {
  return Math.pow(1.25, -deltaY / 100)
}
