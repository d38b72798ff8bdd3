import type { CSSProperties } from 'react'
import type { ImageKind } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import classes from './Thumb.module.css'

interface Props {
  /** null: an empty frame, for an individual without a cover photo. */
  photoId: string | null
  alt: string
  kind?: ImageKind
  width?: CSSProperties['width']
  height?: CSSProperties['height']
  className?: string
}

/** A photo by id, in a neutral frame; flukes are letterboxed, never cropped, so edges show. */
export function Thumb({ photoId, alt, kind = 'thumb', width = '100%', height, className }: Props) {
  const api = useApi()
  const frame = [classes.frame, className].filter(Boolean).join(' ')
  if (photoId === null) return <span className={frame} style={{ width, height }} />
  return (
    <span className={frame} style={{ width, height }}>
      <img
        className={classes.image}
        src={api.imageUrl(kind, photoId)}
        alt={alt}
        loading="lazy"
        decoding="async"
        draggable={false}
        onError={(event) => {
          event.currentTarget.parentElement?.setAttribute('data-failed', '')
        }}
      />
    </span>
  )
}
