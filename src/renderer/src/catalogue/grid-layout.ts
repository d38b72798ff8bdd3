export const CELL_MIN_WIDTH = 160
export const GAP = 12
/** Two caption lines: file name and individuals. */
export const CAPTION_HEIGHT = 40

export interface GridLayout {
  columns: number
  cellWidth: number
  thumbHeight: number
  /** Row pitch, gap included: rows are all one height, so offsets are exact. */
  rowHeight: number
  rows: number
}

/** As many cells of at least CELL_MIN_WIDTH as fit, stretched to fill the width. */
export function gridLayout(width: number, count: number): GridLayout {
  const columns = Math.max(1, Math.floor((width + GAP) / (CELL_MIN_WIDTH + GAP)))
  const cellWidth = Math.max(0, (width - GAP * (columns - 1)) / columns)
  // 3:2, the shape of most camera frames, so thumbnails fill their cells.
  const thumbHeight = Math.round(cellWidth / 1.5)
  return {
    columns,
    cellWidth,
    thumbHeight,
    rowHeight: thumbHeight + CAPTION_HEIGHT + GAP,
    rows: Math.ceil(count / columns)
  }
}
