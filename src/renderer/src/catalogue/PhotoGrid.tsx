import { memo, useLayoutEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { PhotoCard } from '@shared/contract'
import { Thumb } from '../common/Thumb'
import { useWidth } from '../hooks/use-width'
import { formatHash } from '../router/routes'
import { GAP, gridLayout } from './grid-layout'
import classes from './PhotoGrid.module.css'

interface Props {
  photos: readonly PhotoCard[]
  /** Remembers the first visible photo under this key, so Back returns to the same place. */
  memoryKey: string
  /** Fill the parent's remaining height (a flex column); otherwise grow up to `maxHeight`. */
  fill?: boolean
  maxHeight?: string
  /** The photos are the last filter's, shown faded until the new ones arrive. */
  dimmed?: boolean
}

// Index of the first visible photo per grid; module-level so it outlives the page's unmount.
const firstVisible = new Map<string, number>()

/** Thumbnails in rows; only the rows in view (plus a few) exist in the DOM. */
export function PhotoGrid(props: Props) {
  const { photos, memoryKey, fill = false, maxHeight = '60vh', dimmed = false } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const width = useWidth(scrollRef)
  const layout = gridLayout(width, photos.length)
  const { columns, rowHeight, thumbHeight } = layout

  // eslint-disable-next-line react-hooks/incompatible-library -- its results are only read here
  const virtualizer = useVirtualizer({
    count: width > 0 ? layout.rows : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 3,
    onChange: (instance) => {
      const row = Math.floor((instance.scrollOffset ?? 0) / rowHeight)
      if (width > 0) firstVisible.set(memoryKey, row * columns)
    }
  })

  // Rows change height with the width: re-measure, and keep the same photo at the top.
  useLayoutEffect(() => {
    if (width === 0) return
    // Read first: measure() reports the old offset through onChange, overwriting the memory.
    const first = firstVisible.get(memoryKey) ?? 0
    virtualizer.measure()
    virtualizer.scrollToOffset(Math.floor(first / columns) * rowHeight)
  }, [virtualizer, memoryKey, width, columns, rowHeight])

  return (
    <div
      ref={scrollRef}
      className={`${classes.scroller} ${fill ? classes.fill : classes.bounded}`}
      style={fill ? undefined : { maxHeight }}
      data-testid="photo-grid"
      data-dimmed={dimmed || undefined}
      aria-busy={dimmed}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            className={classes.row}
            style={{
              transform: `translateY(${row.start}px)`,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              columnGap: GAP
            }}
          >
            {photos.slice(row.index * columns, (row.index + 1) * columns).map((photo) => (
              <PhotoCell key={photo.id} photo={photo} thumbHeight={thumbHeight} />
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}

// Scrolling re-renders the grid on every scroll event; cells already on screen stay untouched.
const PhotoCell = memo(function PhotoCell(props: { photo: PhotoCard; thumbHeight: number }) {
  const { photo, thumbHeight } = props
  const who = photo.individualNames.join(', ')
  return (
    <a
      className={classes.cell}
      href={formatHash({ page: 'photo', id: photo.id })}
      title={who ? `${photo.fileName} — ${who}` : photo.fileName}
      data-testid="photo-cell"
    >
      <Thumb photoId={photo.id} alt={photo.fileName} height={thumbHeight} />
      <div className={classes.name}>{photo.fileName}</div>
      <div className={classes.who} data-unassigned={who ? undefined : ''}>
        {who || 'Unassigned'}
      </div>
    </a>
  )
})
