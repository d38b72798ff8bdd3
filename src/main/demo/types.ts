// The public shapes of the demo generator (re-exported from index).

export interface DemoOptions {
  /** Created if missing. Existing files with other names are left alone. */
  outDir: string
  individuals: number
  /** A fixed count, or an inclusive [min, max] range drawn per individual. */
  photosPerIndividual: number | [min: number, max: number]
  /** Unlabelled photos of the same individuals (later sightings), written to new/. Default 0. */
  newPhotos?: number
  /** Photos of individuals outside the labelled set (one each), in new/, truth "new_whale". */
  newWhales?: number
  seed?: number
  width?: number
  height?: number
  /** Every Nth photo is stored turned, with EXIF orientation 6 (0 = never). */
  orientationSixEvery?: number
}

export interface DemoBox {
  x: number
  y: number
  width: number
  height: number
}

export interface DemoPhotoTruth {
  /** Path relative to the dataset folder, "/"-separated: "images/1a2b3c4d.jpg" or "new/…". */
  file: string
  /** "demo_whale_01"…, or "new_whale" for individuals not in the labelled set. */
  individual: string
  /** The fluke's true box in upright pixels (EXIF orientation applied). */
  box: DemoBox
  /** Local time without zone, as in EXIF DateTimeOriginal: "2021-07-04T10:11:12". */
  takenAt: string
  lat: number
  lon: number
  orientation: number
  split: 'labelled' | 'new'
}

export interface DemoDataset {
  dir: string
  imagesDir: string
  csvPath: string
  newDir: string
  truthPath: string
  photos: DemoPhotoTruth[]
}
