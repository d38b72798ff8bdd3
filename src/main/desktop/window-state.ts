// The main window's size, place and maximised state, remembered between runs. A window saved on
// a monitor that has since gone (a laptop off its dock) is brought back onto one that is there.
import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

const rect = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive()
})
const stateSchema = z.object({ bounds: rect, maximized: z.boolean() })

/** How much of the window must show on a display to leave it where it was. */
const MIN_VISIBLE = 100

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/**
 * The saved bounds if enough of the window shows on one of `workAreas`; otherwise the same
 * size (shrunk to fit) centred on the first (primary) display. No displays: the saved bounds.
 */
export function clampToDisplays(
  bounds: Rect,
  workAreas: Rect[],
  minimum = { width: 900, height: 600 }
): Rect {
  const visible = workAreas.some((area) => {
    const o = overlap(bounds, area)
    return o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE
  })
  const primary = workAreas[0]
  if (visible || !primary) return bounds
  const width = Math.max(
    Math.min(bounds.width, primary.width),
    Math.min(minimum.width, primary.width)
  )
  const height = Math.max(
    Math.min(bounds.height, primary.height),
    Math.min(minimum.height, primary.height)
  )
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height
  }
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(state))
}
