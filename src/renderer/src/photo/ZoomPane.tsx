import {
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type PointerEvent,
  type ReactNode
} from 'react'
import { Button, Group, Kbd, Paper, Text } from '@mantine/core'
import { isTypingTarget } from '../common/typing'
import { FIT, panBy, transformOf, wheelFactor, zoomAt, type View } from './zoom'
import classes from './ZoomPane.module.css'

/**
 * Wheel zoom at the cursor; drag on the photo outside the boxes, or anywhere with the space bar
 * held, to pan; Fit (or the 0 key) shows the whole photo again. The view is a CSS transform of
 * the image and the box layer together, so what is drawn and saved is unchanged by it.
 */
export function ZoomPane({
  children,
  onZoom
}: {
  children: ReactNode
  /** Told the zoom factor, so the box layer can keep its handles a constant screen size. */
  onZoom: (zoom: number) => void
}) {
  const viewport = useRef<HTMLDivElement>(null)
  const frame = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<View>(FIT)
  const [space, setSpace] = useState(false)
  const pan = useRef<{ id: number; x: number; y: number } | null>(null)
  const [panning, setPanning] = useState(false)

  const apply = (next: (view: View) => View) => setView(next)
  const zoomChanged = useEffectEvent((zoom: number) => onZoom(zoom))
  useEffect(() => zoomChanged(view.zoom), [view.zoom])

  /** A client point in the frame's unzoomed layout pixels. */
  const inFrame = (clientX: number, clientY: number) => {
    const box = viewport.current?.getBoundingClientRect()
    const f = frame.current
    return {
      x: clientX - (box?.left ?? 0) - (f?.offsetLeft ?? 0),
      y: clientY - (box?.top ?? 0) - (f?.offsetTop ?? 0)
    }
  }

  const onWheel = useEffectEvent((event: WheelEvent) => {
    event.preventDefault()
    const at = inFrame(event.clientX, event.clientY)
    apply((old) => zoomAt(old, wheelFactor(event.deltaY), at))
  })
  useEffect(() => {
    const element = viewport.current
    // React's wheel listeners are passive: the page would scroll as well as zoom.
    const listener = (event: WheelEvent) => onWheel(event)
    element?.addEventListener('wheel', listener, { passive: false })
    return () => element?.removeEventListener('wheel', listener)
  }, [])

  const onKey = useEffectEvent((event: KeyboardEvent, down: boolean) => {
    if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key === ' ') {
      event.preventDefault()
      setSpace(down)
    } else if (down && event.key === '0') {
      event.preventDefault()
      apply(() => FIT)
    }
  })
  useEffect(() => {
    const down = (event: KeyboardEvent) => onKey(event, true)
    const up = (event: KeyboardEvent) => onKey(event, false)
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
    }
  }, [])

  const startPan = (event: PointerEvent) => {
    if (view.zoom === 1) return
    event.stopPropagation()
    viewport.current?.setPointerCapture(event.pointerId)
    pan.current = { id: event.pointerId, x: event.clientX, y: event.clientY }
    setPanning(true)
  }
  const endPan = () => {
    pan.current = null
    setPanning(false)
  }

  return (
    <div className={classes.wrap}>
      <div
        ref={viewport}
        className={classes.viewport}
        data-testid="zoom-pane"
        data-zoom={view.zoom.toFixed(3)}
        data-space={space || undefined}
        data-panning={panning || undefined}
        // With the space bar held, a drag pans even over a box: caught before the box sees it.
        onPointerDownCapture={(event) => {
          if (space) startPan(event)
        }}
        // Reached only when no box or handle took the press: the photo itself.
        onPointerDown={startPan}
        onPointerMove={(event) => {
          const from = pan.current
          if (!from || from.id !== event.pointerId) return
          pan.current = { ...from, x: event.clientX, y: event.clientY }
          apply((old) => panBy(old, event.clientX - from.x, event.clientY - from.y))
        }}
        onPointerUp={endPan}
        onPointerCancel={endPan}
      >
        <div ref={frame} className={classes.frame} style={{ transform: transformOf(view) }}>
          {children}
        </div>
      </div>
      <Paper className={classes.tools} shadow="xs" px={6} py={2} withBorder>
        <Group gap={6}>
          <Text size="xs" c="dimmed" data-testid="zoom-level">
            {Math.round(view.zoom * 100)} %
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => apply(() => FIT)}
            disabled={view.zoom === 1}
            rightSection={<Kbd size="xs">0</Kbd>}
            data-testid="zoom-fit"
          >
            Fit
          </Button>
        </Group>
      </Paper>
    </div>
  )
}
