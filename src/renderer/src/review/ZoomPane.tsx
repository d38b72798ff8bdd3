import { useEffect, useEffectEvent, useRef, type CSSProperties } from 'react'
import { Text } from '@mantine/core'
import { FIT, FULL_RESOLUTION_SCALE, panBy, wheelFactor, zoomAt, type View } from './zoom'
import classes from './ZoomPane.module.css'

export interface PaneImage {
  src: string
  /** Loaded on top once zoomed in past FULL_RESOLUTION_SCALE. */
  fullSrc: string
  alt: string
}

interface Props {
  image: PaneImage | null
  view: View
  onView: (view: View) => void
  /** CSS filter for brightness and contrast. */
  filter: string
  /** Drawn over the image, e.g. the query over a candidate to compare the trailing edge. */
  overlay?: { image: PaneImage; opacity: number } | null
  label: string
  testId: string
}

/** One side of the comparison: wheel to zoom at the cursor, drag to pan, double-click to fit. */
export function ZoomPane({ image, view, onView, filter, overlay, label, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const drag = useRef<{ x: number; y: number } | null>(null)
  const onWheel = useEffectEvent((event: WheelEvent) => {
    event.preventDefault()
    const rect = ref.current?.getBoundingClientRect()
    if (!rect) return
    onView(
      zoomAt(view, wheelFactor(event.deltaY), event.clientX - rect.left, event.clientY - rect.top)
    )
  })
  useEffect(() => {
    const element = ref.current
    // React's wheel listener is passive and cannot stop the page from scrolling.
    const listener = (event: WheelEvent) => onWheel(event)
    element?.addEventListener('wheel', listener, { passive: false })
    return () => element?.removeEventListener('wheel', listener)
  }, [])

  const transform: CSSProperties = {
    transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
    filter
  }
  const full = view.scale > FULL_RESOLUTION_SCALE
  return (
    <div
      ref={ref}
      className={classes.pane}
      data-testid={testId}
      data-scale={view.scale.toFixed(3)}
      data-x={Math.round(view.x)}
      data-y={Math.round(view.y)}
      aria-label={label}
      role="img"
      onDoubleClick={() => onView(FIT)}
      onPointerDown={(event) => {
        drag.current = { x: event.clientX, y: event.clientY }
        event.currentTarget.setPointerCapture(event.pointerId)
      }}
      onPointerMove={(event) => {
        const start = drag.current
        const rect = ref.current?.getBoundingClientRect()
        if (!start || !rect) return
        drag.current = { x: event.clientX, y: event.clientY }
        onView(
          panBy(view, event.clientX - start.x, event.clientY - start.y, rect.width, rect.height)
        )
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    >
      {image ? (
        <>
          <img
            className={classes.image}
            src={image.src}
            alt={image.alt}
            style={transform}
            draggable={false}
          />
          {full && (
            <img
              className={classes.image}
              src={image.fullSrc}
              alt=""
              style={transform}
              draggable={false}
              data-testid={`${testId}-full`}
            />
          )}
          {overlay && (
            <img
              className={classes.image}
              src={full ? overlay.image.fullSrc : overlay.image.src}
              alt=""
              style={{ ...transform, opacity: overlay.opacity }}
              draggable={false}
              data-testid={`${testId}-overlay`}
            />
          )}
        </>
      ) : (
        <Text c="dimmed" size="sm" className={classes.empty}>
          Nothing to show
        </Text>
      )}
      <Text size="xs" className={classes.label}>
        {label}
        {view.scale > 1 && ` · ${view.scale.toFixed(1)}x`}
      </Text>
    </div>
  )
}
