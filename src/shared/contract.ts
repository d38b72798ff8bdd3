// The one contract between the renderer and the core. The Electron IPC handlers, the preload
// bridge, the web host's routes and the renderer's clients are all typed from these two maps;
// adding an endpoint is one entry here, one validator and one handler.
import type {
  Annotation,
  AssignmentActor,
  Box,
  ChangeKind,
  BatchState,
  ImportBatch,
  ImportKind,
  Individual,
  Photo,
  Quality,
  RejectedFile,
  Sighting,
  GeoPoint,
  Verdict
} from './domain'

export interface CatalogSummary {
  path: string
  catalogId: string
  stats: CatalogStats
}

export interface CatalogStats {
  photos: number
  annotations: number
  individuals: number
  unassigned: number
}

/** A backup of catalog.json that validates: what restoring it would bring back. */
export interface BackupInfo {
  /** File name inside the catalogue's backups/ folder. */
  name: string
  path: string
  takenAt: string
  stats: CatalogStats
}

/** Why a catalogue cannot be opened, and the newest good backup to restore, if any. */
export interface CatalogRecovery {
  /** The catalogue folder. */
  path: string
  /** The damaged catalog.json. */
  file: string
  reason: string
  backup: BackupInfo | null
}

export interface RestoredCatalog {
  catalog: CatalogSummary
  /** Where the damaged file was moved to (it is never deleted). */
  damagedKeptAs: string
}

export interface AppInfo {
  version: string
  host: 'electron' | 'web'
  /** True where a native file dialog exists (Electron); the browser shows a path field. */
  nativeDialogs: boolean
  /** Folder suggested for a new catalogue. */
  defaultCatalogPath: string
  /** Folder the demo catalogue is made in. */
  defaultDemoPath: string
  catalog: CatalogSummary | null
  /** The TensorFlow.js backend the engine uses and why; null until it has started. */
  engine: EngineStatus | null
}

export interface EngineStatus {
  backend: string
  reason: string
}

export interface PhotoFilter {
  individualId?: string
  unassigned?: boolean
  /** Photos with a box nobody has checked yet (whole-image or proposed). */
  unchecked?: boolean
  batchId?: string
  /** Inclusive, YYYY-MM-DD. */
  dateFrom?: string
  dateTo?: string
}

/** What a grid cell needs: small enough to send tens of thousands at once. */
export interface PhotoCard {
  id: string
  fileName: string
  takenAt: string | null
  individualNames: string[]
}

export interface PhotoDetail {
  photo: Photo
  annotations: Annotation[]
  individuals: Individual[]
  batch: ImportBatch | null
  sighting: Sighting | null
}

export interface IndividualSummary {
  id: string
  name: string
  photoCount: number
  firstSeen: string | null
  lastSeen: string | null
  coverPhotoId: string | null
}

export interface SightingView {
  sighting: Sighting
  photoIds: string[]
}

export interface IndividualDetail {
  individual: Individual
  /** Set when this individual was merged into another; its photos are there now. */
  mergedInto: { id: string; name: string } | null
  photos: PhotoCard[]
  /** Its flukes (a photo can hold two), to choose from when splitting. */
  annotations: IndividualAnnotation[]
  /** Newest first; photos without a date come last. */
  sightings: SightingView[]
  /** How its photos came to it (and left it), newest first. */
  history: AssignmentView[]
  /** Merges and splits it took part in, newest first. */
  changes: ChangeView[]
}

export interface IndividualAnnotation {
  annotationId: string
  photoId: string
  fileName: string
  takenAt: string | null
}

export interface ChangeView {
  id: string
  kind: ChangeKind
  at: string
  by: AssignmentActor
  fromId: string | null
  toId: string | null
  /** Names; null for none. */
  from: string | null
  to: string | null
  annotations: number
  note: string
}

/** Where split-off flukes go: an individual already in the catalogue, or a new one. */
export type SplitTarget = { individualId: string } | { newName: string | null }

export interface AssignmentView {
  at: string
  by: AssignmentActor
  photoId: string
  fileName: string
  /** Names; null for "no individual". */
  from: string | null
  to: string | null
  modelId: string | null
  note: string
}

export interface BatchSummary {
  id: string
  kind: ImportKind
  label: string
  source: string
  startedAt: string
  state: BatchState
  added: number
  duplicates: number
  rejected: RejectedFile[]
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface JobInfo {
  id: string
  kind: string
  title: string
  state: JobState
  current: number
  total: number
  message: string
  startedAt: string
  finishedAt: string | null
  /** Seconds left, estimated from the rate so far; null until there is a rate. */
  etaSeconds: number | null
  error: string | null
  /** Job-specific outcome, e.g. an import's batch id. */
  result: JobResult | null
  /** Training jobs only: the live curve. */
  training: TrainingView | null
}

export interface JobResult {
  batchId?: string
  added?: number
  duplicates?: number
  rejected?: RejectedFile[]
  /** A training job's model. */
  modelId?: string
  /** An embedding job: how many annotations were embedded. */
  embedded?: number
  /** An export: where it was written and how many rows, crops or histories it holds. */
  outPath?: string
  written?: number
}

/** What a running training job shows beside its progress bar. */
export interface TrainingView {
  minutes: number
  /** Downsampled to a few hundred points. */
  curve: TrainingPoint[]
}

export interface TrainingPoint {
  seconds: number
  loss: number
  /** Validation MAP@5 where it was scored at this point. */
  map5: number | null
}

export interface JobStarted {
  jobId: string
}

export interface DemoStarted extends JobStarted {
  catalog: CatalogSummary
}

export interface ModelSummary {
  id: string
  createdAt: string
  kind: string
  current: boolean
  /** Annotations and individuals it was trained on. */
  items: number
  individuals: number
  validationQueries: number
  seconds: number
  steps: number
  stoppedBecause: string
  /** validationMap5, validationTop1, untrainedValidationMap5, previousValidationMap5, … */
  scores: Record<string, number>
  comparedWith: string | null
  /** null where the model's files could not be read. */
  newWhaleThreshold: number | null
  backend: string
  curve: TrainingPoint[]
}

/** How well boxes are proposed, measured on boxes a person checked (src/main/boxes/). */
export interface BoxProposalQuality {
  /** 'untrained', or the learned proposer's id that proposes boxes for new imports. */
  inUse: string
  /** Photos with one box saved by hand, the boxes a learned proposer learns from. */
  checkedBoxes: number
  /** Checked boxes a learned proposer needs. */
  needed: number
  /** The newest learned proposer and its comparison on held-out checked boxes; null: none. */
  latest: {
    id: string
    createdAt: string
    trainedOn: number
    heldOut: number
    learnedIoU: number
    untrainedIoU: number
  } | null
}

export interface TrainRequest {
  /** 0 makes the ready-to-use model: the shipped backbone with its head untrained. */
  minutes: number
}

export interface ReviewFilter {
  batchId?: string
  /** Inclusive, YYYY-MM-DD. */
  dateFrom?: string
  dateTo?: string
  sightingId?: string
}

/** An annotation waiting for a decision. */
export interface QueueItem {
  annotationId: string
  photoId: string
  fileName: string
  takenAt: string | null
  batchId: string
  batchLabel: string
  sightingId: string | null
  place: GeoPoint | null
  /** Decisions on it so far that left it unassigned ('different', 'unsure'). */
  decisions: number
}

export interface ReviewQueue {
  items: QueueItem[]
  /** Unassigned annotations in the whole catalogue, whatever the filter. */
  totalUnassigned: number
  /** Batches and sightings that have something to review, for the filters. */
  batches: { id: string; label: string; count: number }[]
  sightings: { id: string; label: string; count: number }[]
}

export interface Candidate {
  individualId: string
  name: string
  score: number
  /** 1-based place in the ranking, counting new_whale where it falls. */
  rank: number
  sightings: number
  photos: number
  /** The individual's image that matched best. */
  annotationId: string
  photoId: string
  fileName: string
  takenAt: string | null
  place: GeoPoint | null
  /** The individual's other annotations, to switch among in the comparison. */
  otherAnnotations: { annotationId: string; photoId: string; fileName: string }[]
}

export interface CandidateList {
  annotationId: string
  modelId: string
  threshold: number
  candidates: Candidate[]
  /** Where new_whale falls (0-based index into candidates: it goes before that one);
   * candidates.length when after all of them; null when the model has no threshold. */
  newWhaleAt: number | null
  /** Individuals hidden because they were already rejected for this query. */
  rejected: number
}

export interface DecisionRequest {
  queryAnnotationId: string
  verdict: 'same' | 'different' | 'unsure'
  individualId: string
  candidateAnnotationId: string | null
}

export interface DecisionView {
  id: string
  verdict: Verdict
  queryAnnotationId: string
  individualId: string
  individualName: string
  at: string
  modelId: string | null
}

/** A box, its rotation and its tags as the editor saves them. */
export interface AnnotationChange {
  id: string
  /** Upright original pixels. */
  box: Box
  /** Degrees clockwise about the box centre. */
  rotation: number
  quality: Quality | null
  viewpoint: string | null
}

export interface NewAnnotation {
  photoId: string
  box: Box
  rotation: number
}

/** What a native open dialog picks: a folder, a CSV, or a spreadsheet (CSV or XLSX). */
export type PickKind = 'folder' | 'csv' | 'sheet'

export type ExportFormat = 'csv' | 'kaggle' | 'folders' | 'capture-history' | 'wildbook'

/** A sampling occasion of a capture history: inclusive dates, YYYY-MM-DD. */
export interface Occasion {
  label: string
  from: string
  to: string
}

export interface ExportRequest {
  format: ExportFormat
  /** The file (csv, kaggle) or folder (the others) to create; never overwritten. */
  out: string
  /** capture-history only: in order, not overlapping. */
  occasions?: Occasion[]
  /** kaggle only: the import whose annotations are the queries; default: every unassigned one. */
  batchId?: string
}

/** A catalogue field a spreadsheet column is read into. */
export type SheetField =
  | 'file'
  | 'individual'
  | 'date'
  | 'time'
  | 'year'
  | 'month'
  | 'day'
  | 'hour'
  | 'minutes'
  | 'latitude'
  | 'longitude'
  | 'boxX'
  | 'boxY'
  | 'boxWidth'
  | 'boxHeight'
  | 'rotation'
  | 'boxSource'
  | 'viewpoint'
  | 'quality'
  | 'confirmedBy'
  | 'confirmedAt'

export interface SheetColumn {
  header: string
  /** null: a column Flukeprint does not read (listed so the user sees it is ignored). */
  field: SheetField | null
  /** Why an unread column is ignored. */
  note: string | null
}

/** One row as it would be imported. */
export interface SheetRowView {
  row: number
  file: string
  individual: string | null
  /** Local date-time, or its date alone ("2024-07-01"), as the sheet gives it. */
  takenAt: string | null
  latitude: number | null
  longitude: number | null
  /** Empty when the row imports; else what is wrong with it. */
  errors: string[]
}

export interface SheetPreview {
  sheet: string
  /** The worksheet read (XLSX) or null for a CSV. */
  worksheet: string | null
  columns: SheetColumn[]
  /** Every row with a problem, and the first good ones, in sheet order. */
  rows: SheetRowView[]
  totalRows: number
  /** Rows that will import, and the photos they hold. */
  good: number
  photos: number
  /** Problems with the whole sheet (no file column...); apply refuses while there are any. */
  problems: string[]
}

/** Which sightings the map shows; none set: all of them. */
export interface MapFilter {
  batchId?: string
  individualId?: string
}

/** A sighting with a position: one point on the map. */
export interface SightingPoint {
  sightingId: string
  date: string | null
  place: GeoPoint
  batchId: string
  batchLabel: string
  individuals: { id: string; name: string }[]
  photoIds: string[]
}

export interface SightingMap {
  points: SightingPoint[]
  /** Sightings that match the filter but carry no position. */
  withoutPlace: number
}

/** One annotation on the embedding map; x and y in [0, 1]. */
export interface EmbeddingPoint {
  annotationId: string
  photoId: string
  individualId: string | null
  x: number
  y: number
  /** Its nearest neighbour in the model's space (not on the map), where that was computed. */
  neighbourAnnotationId: string | null
  /** Its nearest neighbour is labelled as another individual: worth a second look. */
  suspect: boolean
}

export interface EmbeddingMap {
  modelId: string
  method: 'umap' | 'pca'
  points: EmbeddingPoint[]
  /** The individuals that have points, for the legend. */
  individuals: { id: string; name: string }[]
  /** Annotations the model has not embedded yet. */
  notEmbedded: number
  /** False for catalogues too large for the exact nearest-neighbour check. */
  neighboursChecked: boolean
}

/** The map when it is ready; otherwise the job drawing it. */
export interface EmbeddingMapReply {
  map: EmbeddingMap | null
  jobId: string | null
}

export interface RecentCatalogue {
  path: string
  name: string
  openedAt: string
}

/** Every request: its argument and its result. */
export interface Requests {
  'app.info': { args: Record<string, never>; result: AppInfo }
  /** Catalogues opened lately, newest first. */
  'app.recent': { args: Record<string, never>; result: RecentCatalogue[] }
  'catalog.open': { args: { path: string; create: boolean }; result: CatalogSummary }
  'catalog.close': { args: Record<string, never>; result: null }
  /** Null when the catalogue's file is missing or opens fine; else what is wrong with it. */
  'catalog.recovery': { args: { path: string }; result: CatalogRecovery | null }
  /** Moves the damaged catalog.json aside, puts the named backup in its place and opens it. */
  'catalog.restoreBackup': { args: { path: string; backup: string }; result: RestoredCatalog }
  'catalog.openDemo': { args: { path: string }; result: DemoStarted }
  'photos.list': { args: { filter: PhotoFilter }; result: PhotoCard[] }
  'photos.get': { args: { id: string }; result: PhotoDetail }
  'individuals.list': { args: Record<string, never>; result: IndividualSummary[] }
  'individuals.get': { args: { id: string }; result: IndividualDetail }
  /** Moves all of `id`'s flukes to `intoId` and marks `id` merged; nothing is deleted. */
  'individuals.merge': { args: { id: string; intoId: string }; result: ChangeView }
  /** Moves the chosen flukes of `id` to another individual, existing or new. */
  'individuals.split': {
    args: { id: string; annotationIds: string[]; into: SplitTarget }
    result: ChangeView
  }
  'batches.list': { args: Record<string, never>; result: BatchSummary[] }
  'import.folder': { args: { folder: string }; result: JobStarted }
  'import.kaggle': { args: { csv: string; images: string }; result: JobStarted }
  /** Reads a Wildbook-style spreadsheet and says what would be imported; writes nothing. */
  'import.sheetPreview': { args: { sheet: string }; result: SheetPreview }
  /** Imports the good rows of the spreadsheet as a job (the bad ones are listed as rejected). */
  'import.sheet': { args: { sheet: string }; result: JobStarted }
  'export.start': { args: ExportRequest; result: JobStarted }
  'jobs.list': { args: Record<string, never>; result: JobInfo[] }
  'models.list': { args: Record<string, never>; result: ModelSummary[] }
  'models.train': { args: TrainRequest; result: JobStarted }
  /** Makes the model current and starts embedding the catalogue with it. */
  'models.setCurrent': { args: { id: string }; result: JobStarted }
  'boxes.quality': { args: Record<string, never>; result: BoxProposalQuality }
  /** Fits a box proposer to the checked boxes; it proposes for new imports if it does better. */
  'boxes.train': { args: Record<string, never>; result: JobStarted }
  'annotations.update': { args: AnnotationChange; result: Annotation }
  'annotations.create': { args: NewAnnotation; result: Annotation }
  'annotations.delete': { args: { id: string }; result: null }
  'review.queue': { args: { filter: ReviewFilter }; result: ReviewQueue }
  'review.candidates': { args: { annotationId: string; limit: number }; result: CandidateList }
  'review.decide': { args: DecisionRequest; result: DecisionView }
  /** The query is an individual not in the catalogue; name it or take the generated name. */
  'review.newIndividual': {
    args: { queryAnnotationId: string; name: string | null }
    result: DecisionView
  }
  /** Undoes the newest decision not yet undone; null when there is none. */
  'review.undo': { args: Record<string, never>; result: DecisionView | null }
  'review.recent': { args: { limit: number }; result: DecisionView[] }
  'jobs.cancel': { args: { id: string }; result: null }
  'views.sightings': { args: { filter: MapFilter }; result: SightingMap }
  /** The embedding map of the current model; starts the job that draws it when needed. */
  'views.embeddingMap': { args: Record<string, never>; result: EmbeddingMapReply }
  'dialog.pick': {
    args: { kind: PickKind; title: string }
    result: { path: string | null }
  }
}

/** Every event pushed from the core to the renderer. */
export interface Events {
  job: JobInfo
  'catalog.changed': { reason: string }
  /** The desktop menu asks the window to show a page (e.g. Import after Import Folder…). */
  'app.navigate': { hash: string }
}

export type RequestName = keyof Requests
export type Args<K extends RequestName> = Requests[K]['args']
export type Result<K extends RequestName> = Requests[K]['result']
export type EventName = keyof Events

/** thumb and preview are addressed by photo id; crop and crop-full by annotation id. */
export type ImageKind = 'thumb' | 'preview' | 'crop' | 'crop-full'

/** What the renderer talks to: IPC in Electron, HTTP against the web host in a browser. */
export interface AppApi {
  request<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>>
  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Images are addressed by photo or annotation id, never by path. */
  imageUrl(kind: ImageKind, id: string): string
  /** The path of a file or folder dropped on the window: Electron only (webUtils). */
  pathForFile?(file: File): string
}

/** An error the core means the user to read, carried across every door unchanged. */
export interface ApiErrorBody {
  error: string
  code: 'invalid-argument' | 'not-found' | 'no-catalog' | 'conflict' | 'internal'
}
