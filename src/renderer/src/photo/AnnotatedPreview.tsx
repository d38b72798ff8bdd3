import { useState } from 'react'
import type { PhotoDetail } from '@shared/contract'
import type { Annotation } from '@shared/domain'
import { useApi } from '../api/ApiContext'
import classes from './AnnotatedPreview.module.css'

/**
 * The preview with each fluke's box drawn over it. Boxes are in upright original pixels, so
 * they are placed in percent of the photo's upright size and scale with the preview.
 */
export function AnnotatedPreview({ detail }: { detail: PhotoDetail }) {
  const api = useApi()
  const { photo, annotations, individuals } = detail
  const [failed, setFailed] = useState(false)
  const names = new Map(individuals.map((i) => [i.id, i.name]))
  // A box covering the whole image says nothing the photo doesn't.
  const boxes = annotations.filter((a) => a.source !== 'whole-image')

  return (
    <div className={classes.stage}>
      {failed ? (
        <span className={classes.missing}>The preview could not be made for this file.</span>
      ) : (
        <div className={classes.frame}>
          <img
            className={classes.image}
            src={api.imageUrl('preview', photo.id)}
            alt={photo.fileName}
            onError={() => setFailed(true)}
            data-testid="photo-preview"
          />
          {photo.width > 0 &&
            photo.height > 0 &&
            boxes.map((a) => (
              <Box
                key={a.id}
                annotation={a}
                width={photo.width}
                height={photo.height}
                label={label(a, names)}
              />
            ))}
        </div>
      )}
    </div>
  )
}

function label(a: Annotation, names: Map<string, string>): string {
  return a.individualId ? (names.get(a.individualId) ?? 'Unknown individual') : 'Unassigned'
}

function Box(props: { annotation: Annotation; width: number; height: number; label: string }) {
  const { box, rotation } = props.annotation
  return (
    <div
      className={classes.box}
      style={{
        left: `${(box.x / props.width) * 100}%`,
        top: `${(box.y / props.height) * 100}%`,
        width: `${(box.width / props.width) * 100}%`,
        height: `${(box.height / props.height) * 100}%`,
        transform: rotation ? `rotate(${rotation}deg)` : undefined
      }}
    >
      <span className={classes.label}>{props.label}</span>
    </div>
  )
}
