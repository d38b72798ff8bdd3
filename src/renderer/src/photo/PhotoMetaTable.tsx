import { Anchor, Badge, Group, Table, Text } from '@mantine/core'
import type { PhotoDetail } from '@shared/contract'
import type { Annotation } from '@shared/domain'
import {
  formatBytes,
  formatDateTime,
  formatDay,
  formatLatLon,
  formatNumber
} from '../common/format'
import { formatHash } from '../router/routes'
import { CopyPath } from './CopyPath'
import { describeCamera, describeOrientation } from './photo-meta'

/** Everything the catalogue knows about one photo, as a two-column table. */
export function PhotoMetaTable({ detail }: { detail: PhotoDetail }) {
  const { photo, batch, sighting, annotations, individuals } = detail
  const names = new Map(individuals.map((i) => [i.id, i.name]))
  const gps = photo.gps
  return (
    <Table data-testid="photo-meta" verticalSpacing={6} fz="sm" layout="fixed">
      <colgroup>
        <col style={{ width: 150 }} />
        <col />
      </colgroup>
      <Table.Tbody>
        <Section title="File" />
        <Row label="File name" value={photo.fileName} />
        <Row label="Original path" value={<CopyPath path={photo.originalPath} />} />
        <Row
          label="Size"
          value={`${formatBytes(photo.byteSize)} (${formatNumber(photo.byteSize)} bytes)`}
        />
        <Row label="Format" value={photo.format.toUpperCase()} />
        <Row label="Dimensions" value={`${photo.width} × ${photo.height} px`} />
        <Row label="EXIF orientation" value={describeOrientation(photo.orientation)} />
        <Section title="Capture" />
        <Row label="Taken" value={formatDateTime(photo.takenAt, 'Unknown')} />
        <Row
          label="GPS"
          value={
            gps
              ? `${formatLatLon(gps.lat, gps.lon)}${gps.alt === undefined ? '' : ` · altitude ${gps.alt.toFixed(1)} m`}`
              : 'Not recorded'
          }
        />
        <Row label="Camera" value={describeCamera(photo.camera)} />
        <Section title="Catalogue" />
        <Row
          label="Import batch"
          value={batch ? `${batch.label} · ${formatDateTime(batch.startedAt)}` : 'Unknown'}
        />
        <Row label="Imported" value={formatDateTime(photo.importedAt)} />
        <Row
          label="Sighting"
          value={
            sighting
              ? [
                  formatDay(sighting.date, 'Undated'),
                  sighting.place && formatLatLon(sighting.place.lat, sighting.place.lon)
                ]
                  .filter(Boolean)
                  .join(' · ')
              : 'None'
          }
        />
        <Row
          label="Content hash"
          value={
            <Text ff="monospace" fz="xs" title={photo.hash}>
              {photo.hash.slice(0, 16)}…
            </Text>
          }
        />
        <Section title={`Flukes (${annotations.length})`} />
        {annotations.length === 0 && <Row label="" value="No fluke marked in this photo" />}
        {annotations.map((a, index) => (
          <Row
            key={a.id}
            label={`Fluke ${index + 1}`}
            value={<AnnotationCell annotation={a} names={names} />}
          />
        ))}
      </Table.Tbody>
    </Table>
  )
}

function AnnotationCell({
  annotation: a,
  names
}: {
  annotation: Annotation
  names: Map<string, string>
}) {
  const { x, y, width, height } = a.box
  return (
    <div data-testid="annotation">
      <Group gap={6} mb={2}>
        {a.individualId ? (
          <Anchor href={formatHash({ page: 'individual', id: a.individualId })} fw={600} fz="sm">
            {names.get(a.individualId) ?? a.individualId}
          </Anchor>
        ) : (
          <Text fw={600} fs="italic" fz="sm">
            Unassigned
          </Text>
        )}
        <Badge size="xs" variant="light" color="gray">
          {a.source}
        </Badge>
        {a.quality && (
          <Badge
            size="xs"
            variant="light"
            color={a.quality === 'good' ? 'teal' : a.quality === 'fair' ? 'yellow' : 'red'}
          >
            {a.quality}
          </Badge>
        )}
      </Group>
      <Text fz="xs" c="dimmed" ff="monospace">
        box x {Math.round(x)}, y {Math.round(y)}, w {Math.round(width)}, h {Math.round(height)} ·
        rotation {a.rotation}°{a.viewpoint ? ` · ${a.viewpoint}` : ''}
      </Text>
    </div>
  )
}

function Section({ title }: { title: string }) {
  return (
    <Table.Tr>
      <Table.Th
        colSpan={2}
        pt="md"
        fz="xs"
        tt="uppercase"
        c="dimmed"
        style={{ letterSpacing: '0.04em' }}
      >
        {title}
      </Table.Th>
    </Table.Tr>
  )
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  )
}
