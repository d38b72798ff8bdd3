// The catalogue's records as every layer sees them. Types only: nothing here runs.

/** Where and when a photo was taken, as read from its EXIF. */
export interface GeoPoint {
  lat: number
  lon: number
  alt?: number
}

export interface Camera {
  make?: string
  model?: string
}

/** One original image file. The file itself is never modified, moved or copied. */
export interface Photo {
  id: string
  /** sha256 of the file's bytes: duplicates are found by content, not by name. */
  hash: string
  originalPath: string
  fileName: string
  byteSize: number
  format: string
  /** Pixel size after EXIF orientation is applied (what a person sees upright). */
  width: number
  height: number
  /** EXIF orientation tag (1..8); boxes are stored in the upright frame. */
  orientation: number
  /** Local date-time from EXIF DateTimeOriginal, ISO 8601 without zone ("2024-07-01T10:22:05");
   * from an imported spreadsheet it may stop at the minute or the day ("2024-07-01"). */
  takenAt: string | null
  gps: GeoPoint | null
  camera: Camera | null
  batchId: string
  sightingId: string | null
  importedAt: string
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export type AnnotationSource = 'whole-image' | 'proposed' | 'corrected'
export type Quality = 'good' | 'fair' | 'poor'

/** A fluke in a photo: the box (upright original pixels) and who it belongs to. */
export interface Annotation {
  id: string
  photoId: string
  box: Box
  /** Degrees, clockwise, about the box centre. */
  rotation: number
  source: AnnotationSource
  viewpoint: string | null
  quality: Quality | null
  individualId: string | null
  createdAt: string
  updatedAt: string
}

export interface Individual {
  id: string
  name: string
  notes: string
  createdAt: string
  /** Set when it was merged into another individual: kept, not deleted, so its name and
   * history still read, and a split can bring it back. */
  mergedIntoId: string | null
}

/** An encounter: the photos of one import batch taken on one day. */
export interface Sighting {
  id: string
  batchId: string
  /** YYYY-MM-DD, or null when the photos carry no date. */
  date: string | null
  place: GeoPoint | null
}

export type AssignmentActor = 'import' | 'user' | 'match'

/** One change of an annotation's individual: the history is append-only. */
export interface Assignment {
  id: string
  annotationId: string
  individualId: string | null
  previousIndividualId: string | null
  at: string
  by: AssignmentActor
  modelId: string | null
  note: string
}

/** 'new': the query is an individual not yet in the catalogue (Kaggle's new_whale). */
export type Verdict = 'same' | 'different' | 'unsure' | 'new'

/** A biologist's answer to "is this query that individual?"; never deleted, only undone. */
export interface MatchDecision {
  id: string
  queryAnnotationId: string
  /** For 'new', the individual the decision created. */
  candidateIndividualId: string
  candidateAnnotationId: string | null
  verdict: Verdict
  at: string
  modelId: string | null
  /** The assignment the decision made ('same', 'new'); undo appends the reverse one. */
  assignmentId: string | null
  /** True when the decision created the individual ('new'): undo removes it if still empty. */
  createdIndividual: boolean
  /** When the decision was undone; an undone decision no longer counts anywhere. */
  undoneAt: string | null
}

export type ChangeKind = 'merge' | 'split' | 'annotation-deleted'

/**
 * A change to whole individuals or to the set of annotations, beside the per-annotation
 * assignments it made (their ids): the audit trail for what assignments alone can't show.
 */
export interface CatalogChange {
  id: string
  kind: ChangeKind
  at: string
  by: AssignmentActor
  /** merge: the individual merged away; split: the one annotations were taken from;
   * annotation-deleted: the individual the box had, if any. */
  fromIndividualId: string | null
  /** merge: the one kept; split: the one they went to; annotation-deleted: null. */
  toIndividualId: string | null
  annotationIds: string[]
  assignmentIds: string[]
  /** split: the receiving individual was made by this change. */
  createdIndividual: boolean
  /** annotation-deleted: the annotation as it was, so nothing drawn is lost for good. */
  annotation: Annotation | null
  note: string
}

export interface ModelVersion {
  id: string
  createdAt: string
  kind: string
  /** Folder under the catalogue's models/. */
  dir: string
  scores: Record<string, number>
  /** The model that was current when this one was trained, scored on the same validation
   * whales (scores.previousValidationMap5); null when there was none. */
  comparedWith: string | null
}

export type ImportKind = 'folder' | 'kaggle-csv' | 'spreadsheet' | 'demo'
export type BatchState = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted'

export interface RejectedFile {
  /** Path relative to the imported folder (or the CSV row's image name). */
  file: string
  reason: string
}

export interface ImportBatch {
  id: string
  kind: ImportKind
  /** The folder or CSV file imported, as the user gave it. */
  source: string
  label: string
  startedAt: string
  finishedAt: string | null
  state: BatchState
  added: number
  duplicates: number
  rejected: RejectedFile[]
}

/** Kaggle's label for a whale not (yet) in the catalogue: never an individual or a class. */
export const NEW_WHALE = 'new_whale'

export const CATALOG_SCHEMA_VERSION = 3

export interface CatalogData {
  schemaVersion: typeof CATALOG_SCHEMA_VERSION
  catalogId: string
  createdAt: string
  photos: Photo[]
  annotations: Annotation[]
  individuals: Individual[]
  sightings: Sighting[]
  assignments: Assignment[]
  decisions: MatchDecision[]
  /** Append-only: merges, splits and deleted boxes. */
  changes: CatalogChange[]
  models: ModelVersion[]
  currentModelId: string | null
  batches: ImportBatch[]
}
