import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react'
import {
  boxBetween,
  corners,
  moveBy,
  resizeCorner,
  rotateTowards,
  rotationHandle,
  type Point,
  type Shape
} from './box-geometry'
import classes from './BoxCanvas.module.css'

export interface DraftBox extends Shape {
  id: string
  label: string
}

interface Props {
  width: number
  height: number
  boxes: DraftBox[]
  selected: string | null
  drawing: boolean
  onSelect: (id: string | null) => void
  onChange: (id: string, shape: Shape) => void
  onDrawn: (shape: Shape) => void
  /** The view's zoom: handles and labels keep one screen size whatever it is. */
  zoom: number
}

type Drag =
  | { kind: 'move'; id: string; from: Point; start: Shape }
  | { kind: 'corner'; id: string; index: number; start: Shape }
  | { kind: 'rotate'; id: string; start: Shape }
  | { kind: 'draw'; from: Point; to: Point }

/**
 * The boxes over the photo, in an SVG whose units are the upright original's pixels: what is
 * drawn here is what is saved, whatever the zoom of the page. Handles are active as soon as a
 * box is selected or drawn.
 */
export function BoxCanvas(props: Props) {
  const { width, height, boxes, selected, drawing } = props
  const svg = useRef<SVGSVGElement>(null)
  const [drag, setDrag] = useState<Drag | null>(null)
  const [scale, setScale] = useState(1)
  // Image pixels per screen pixel, read after layout (the rendered size includes the zoom).
  useLayoutEffect(() => {
    const rect = svg.current?.getBoundingClientRect()
    if (rect && rect.width > 0) setScale(width / rect.width)
  }, [props.zoom, width])

  const toImage = (event: PointerEvent): Point => {
    const element = svg.current
    const matrix = element?.getScreenCTM()
    if (!element || !matrix) return { x: 0, y: 0 }
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
    return { x: point.x, y: point.y }
  }
  const begin = (event: PointerEvent, next: Drag) => {
    event.stopPropagation()
    svg.current?.setPointerCapture(event.pointerId)
    const rect = svg.current?.getBoundingClientRect()
    if (rect && rect.width > 0) setScale(width / rect.width)
    setDrag(next)
  }
  const onMove = (event: PointerEvent) => {
    if (!drag) return
    const at = toImage(event)
    if (drag.kind === 'draw') return setDrag({ ...drag, to: at })
    const shape =
      drag.kind === 'move'
        ? moveBy(drag.start, at.x - drag.from.x, at.y - drag.from.y)
        : drag.kind === 'corner'
          ? resizeCorner(drag.start, drag.index, at)
          : rotateTowards(drag.start, at)
    props.onChange(drag.id, shape)
  }
  const onUp = () => {
    if (drag?.kind === 'draw') {
      const shape = boxBetween(drag.from, drag.to)
      if (shape.box.width > 4 * scale && shape.box.height > 4 * scale) props.onDrawn(shape)
    }
    setDrag(null)
  }
  const handle = 7 * scale

  return (
    <svg
      ref={svg}
      className={classes.canvas}
      data-drawing={drawing || undefined}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      data-testid="box-editor"
      onPointerDown={(event) => {
        if (drawing) {
          const at = toImage(event)
          begin(event, { kind: 'draw', from: at, to: at })
        } else props.onSelect(null)
      }}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    >
      {boxes.map((b) => {
        const points = corners(b)
        const isSelected = b.id === selected
        const knob = rotationHandle(b, 28 * scale)
        const top = { x: (points[0]!.x + points[1]!.x) / 2, y: (points[0]!.y + points[1]!.y) / 2 }
        return (
          <g
            key={b.id}
            data-testid="box"
            data-annotation-id={b.id}
            data-selected={isSelected || undefined}
            data-box={[b.box.x, b.box.y, b.box.width, b.box.height]
              .map((v) => Math.round(v))
              .join(',')}
            data-rotation={b.rotation}
          >
            <polygon
              className={classes.body}
              points={points.map((p) => `${p.x},${p.y}`).join(' ')}
              data-testid="box-body"
              onPointerDown={(event) => {
                if (drawing) return
                props.onSelect(b.id)
                begin(event, { kind: 'move', id: b.id, from: toImage(event), start: b })
              }}
            />
            <text
              x={points[0]!.x}
              y={points[0]!.y - 4 * scale}
              className={classes.label}
              style={{ fontSize: 12 * scale }}
            >
              {b.label}
            </text>
            {isSelected && (
              <>
                <line x1={top.x} y1={top.y} x2={knob.x} y2={knob.y} className={classes.stalk} />
                <circle
                  cx={knob.x}
                  cy={knob.y}
                  r={handle}
                  className={classes.rotate}
                  data-testid="handle-rotate"
                  onPointerDown={(event) => begin(event, { kind: 'rotate', id: b.id, start: b })}
                />
                {points.map((p, index) => (
                  <rect
                    key={index}
                    x={p.x - handle}
                    y={p.y - handle}
                    width={2 * handle}
                    height={2 * handle}
                    className={classes.corner}
                    data-testid={`handle-corner-${index}`}
                    onPointerDown={(event) =>
                      begin(event, { kind: 'corner', id: b.id, index, start: b })
                    }
                  />
                ))}
              </>
            )}
          </g>
        )
      })}
      {drag?.kind === 'draw' && (
        <rect
          className={classes.drawn}
          x={Math.min(drag.from.x, drag.to.x)}
          y={Math.min(drag.from.y, drag.to.y)}
          width={Math.abs(drag.to.x - drag.from.x)}
          height={Math.abs(drag.to.y - drag.from.y)}
        />
      )}
    </svg>
  )
}
