import type { Box } from '../../shared/domain'

/** The largest 4-connected set of set pixels, or null when the mask is empty. */
export function largestBlob(
  mask: Uint8Array,
  width: number,
  height: number
): { pixels: number; box: Box } | null {
  const seen = new Uint8Array(width * height)
  const stack = new Int32Array(width * height)
  let best: { pixels: number; box: Box } | null = null
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue
    let top = 0
    stack[top++] = start
    seen[start] = 1
    let pixels = 0
    let minX = width
    let minY = height
    let maxX = 0
    let maxY = 0
    while (top > 0) {
      const at = stack[--top] ?? 0
      const x = at % width
      const y = (at - x) / width
      pixels += 1
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
      const neighbours = [
        x > 0 ? at - 1 : -1,
        x < width - 1 ? at + 1 : -1,
        y > 0 ? at - width : -1,
        y < height - 1 ? at + width : -1
      ]
      for (const n of neighbours) {
        if (n >= 0 && mask[n] && !seen[n]) {
          seen[n] = 1
          stack[top++] = n
        }
      }
    }
    if (!best || pixels > best.pixels) {
      best = { pixels, box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 } }
    }
  }
  return best
}
