// Synthetic humpback fluke photos for the demo catalogue and for tests: a Kaggle-style dataset
// with known individuals, boxes, dates, positions and EXIF orientations.
export { DEFAULT_SEED, DEFAULT_SIZE, generateDemoDataset } from './dataset'
export { exifFor, type PhotoMeta } from './exif'
export { identityFor, type FlukeIdentity } from './identity'
export { NEW_WHALE, individualLabel } from './plan-dataset'
export { renderFlukePhoto, type PhotoSize, type RenderedPhoto } from './render-photo'
export type { DemoBox, DemoDataset, DemoOptions, DemoPhotoTruth } from './types'
export { randomVariation, variationFor, type PhotoVariation } from './variation'
