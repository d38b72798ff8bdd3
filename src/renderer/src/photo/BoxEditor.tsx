import { useEffect, useEffectEvent, useState } from 'react'
import {
  Alert,
  Button,
  Group,
  Kbd,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text
} from '@mantine/core'
import type { PhotoDetail } from '@shared/contract'
import type { Annotation, Quality } from '@shared/domain'
import { errorMessage } from '../api/api-error'
import { isTypingTarget } from '../common/typing'
import { useApi } from '../api/ApiContext'
import { BoxCanvas, type DraftBox } from './BoxCanvas'
import type { Shape } from './box-geometry'
import classes from './PhotoStage.module.css'
import { ZoomPane } from './ZoomPane'

interface Draft extends DraftBox {
  quality: Quality | null
  viewpoint: string | null
  /** Not yet in the catalogue (drawn here). */
  isNew: boolean
}

const VIEWPOINTS = ['ventral', 'dorsal', 'lateral left', 'lateral right']
const NEW_PREFIX = 'new-'

function draftsOf(detail: PhotoDetail): Draft[] {
  const names = new Map(detail.individuals.map((i) => [i.id, i.name]))
  return detail.annotations.map((a: Annotation) => ({
    id: a.id,
    box: a.box,
    rotation: a.rotation,
    quality: a.quality,
    viewpoint: a.viewpoint,
    label: a.individualId ? (names.get(a.individualId) ?? 'Unknown individual') : 'Unassigned',
    isNew: false
  }))
}

/**
 * The photo with its flukes' boxes to move, resize, turn, add and delete, and each box's
 * quality and viewpoint. Nothing is written until Save; coordinates are the upright original's
 * pixels throughout.
 */
export function BoxEditor({
  detail,
  onSaved,
  onNext,
  onBusy
}: {
  detail: PhotoDetail
  onSaved: () => void
  /** Opens the next photo of the import whose boxes nobody has checked. */
  onNext: () => void
  /** True while a save is under way: the page must not reload the photo under it. */
  onBusy: (busy: boolean) => void
}) {
  const api = useApi()
  const { photo } = detail
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(detail))
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set())
  const [deleted, setDeleted] = useState<string[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [drawing, setDrawing] = useState(false)
  const [zoom, setZoom] = useState(1)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const current = drafts.find((d) => d.id === selected) ?? null
  const changed = dirty.size > 0 || deleted.length > 0

  const edit = (id: string, patch: Partial<Draft>) => {
    setDrafts((all) => all.map((d) => (d.id === id ? { ...d, ...patch } : d)))
    setDirty((set) => new Set(set).add(id))
  }
  const onDrawn = (shape: Shape) => {
    const id = `${NEW_PREFIX}${Date.now()}`
    const draft: Draft = {
      id,
      ...shape,
      quality: null,
      viewpoint: null,
      label: 'New fluke',
      isNew: true
    }
    setDrafts((all) => [...all, draft])
    setDirty((set) => new Set(set).add(id))
    setSelected(id)
    setDrawing(false)
  }
  const remove = (id: string) => {
    setDrafts((all) => all.filter((d) => d.id !== id))
    if (!id.startsWith(NEW_PREFIX)) setDeleted((list) => [...list, id])
    setDirty((set) => new Set([...set].filter((d) => d !== id)))
    setSelected(null)
  }
  const save = async (all = false): Promise<boolean> => {
    setSaving(true)
    onBusy(true)
    setError(null)
    try {
      for (const id of deleted) await api.request('annotations.delete', { id })
      for (const draft of drafts.filter((d) => all || dirty.has(d.id))) {
        const { box, rotation, quality, viewpoint } = draft
        const id = draft.isNew
          ? (await api.request('annotations.create', { photoId: photo.id, box, rotation })).id
          : draft.id
        await api.request('annotations.update', { id, box, rotation, quality, viewpoint })
      }
      setDirty(new Set())
      setDeleted([])
      onSaved()
      return true
    } catch (err) {
      setError(errorMessage(err))
      return false
    } finally {
      setSaving(false)
      onBusy(false)
    }
  }
  /** "Box is fine": every box of the photo saved as checked, then the next photo. */
  const confirmAndNext = async () => {
    if (await save(true)) onNext()
  }
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key.toLowerCase() !== 'f' || event.ctrlKey || event.metaKey || event.altKey) return
    if (isTypingTarget(event.target) || saving) return
    event.preventDefault()
    void confirmAndNext()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <Stack gap="sm">
      <div className={classes.stage}>
        {failed ? (
          <span className={classes.missing}>The preview could not be made for this file.</span>
        ) : (
          <ZoomPane onZoom={setZoom}>
            <img
              className={classes.image}
              src={api.imageUrl('preview', photo.id)}
              alt={photo.fileName}
              onError={() => setFailed(true)}
              data-testid="photo-preview"
              draggable={false}
            />
            <BoxCanvas
              width={photo.width}
              height={photo.height}
              boxes={drafts}
              selected={selected}
              drawing={drawing}
              onSelect={setSelected}
              onChange={(id, shape) => edit(id, shape)}
              onDrawn={onDrawn}
              zoom={zoom}
            />
          </ZoomPane>
        )}
      </div>
      <Paper withBorder p="sm" data-testid="box-panel" data-saving={saving || undefined}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {drawing
                ? 'Drag on the photo to draw the new box.'
                : 'Click a box to move it, drag its corners to resize, its round handle to turn it. Wheel to zoom; drag the photo (or hold space) to pan.'}
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => setDrawing((d) => !d)}
              data-testid="box-add"
            >
              {drawing ? 'Stop drawing' : 'Add a fluke'}
            </Button>
          </Group>
          {current && (
            <Group gap="md" align="flex-end" data-testid="box-fields">
              <NumberInput
                label="Rotation (°)"
                size="xs"
                w={110}
                min={-180}
                max={180}
                value={current.rotation}
                onChange={(value) => edit(current.id, { rotation: Number(value) || 0 })}
                data-testid="box-rotation-input"
              />
              <div>
                <Text size="xs" fw={500} mb={2}>
                  Quality (poor stays out of training)
                </Text>
                <SegmentedControl
                  size="xs"
                  value={current.quality ?? 'unset'}
                  onChange={(value) =>
                    edit(current.id, { quality: value === 'unset' ? null : value })
                  }
                  data={[
                    { value: 'unset', label: '—' },
                    { value: 'good', label: 'Good' },
                    { value: 'fair', label: 'Fair' },
                    { value: 'poor', label: 'Poor' }
                  ]}
                  data-testid="box-quality"
                />
              </div>
              <Select
                label="Viewpoint"
                size="xs"
                w={150}
                clearable
                data={VIEWPOINTS}
                value={current.viewpoint}
                onChange={(value) => edit(current.id, { viewpoint: value })}
              />
              <Button size="xs" color="red" variant="subtle" onClick={() => remove(current.id)}>
                Delete box
              </Button>
            </Group>
          )}
          <Group>
            <Button
              size="xs"
              onClick={() => void save()}
              disabled={!changed}
              loading={saving}
              data-testid="box-save"
            >
              Save boxes
            </Button>
            <Button
              size="xs"
              variant="light"
              color="teal"
              onClick={() => void confirmAndNext()}
              disabled={saving}
              rightSection={<Kbd size="xs">F</Kbd>}
              data-testid="box-fine"
            >
              Boxes are fine, next photo
            </Button>
            <Button size="xs" variant="subtle" onClick={onNext} data-testid="box-next">
              Next unchecked photo
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!changed || saving}
              onClick={() => {
                setDrafts(draftsOf(detail))
                setDirty(new Set())
                setDeleted([])
              }}
            >
              Discard changes
            </Button>
          </Group>
          {error && <Alert color="red">{error}</Alert>}
        </Stack>
      </Paper>
    </Stack>
  )
}
