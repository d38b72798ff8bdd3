/**
 * Above this many pixels a file is refused before it is decoded: 200 MP is twice the largest
 * camera sensors in use, so anything bigger is a scan, a mosaic or a decompression bomb.
 */
export const MAX_PIXELS = 200_000_000

export const THUMB_SIZE = 256
export const PREVIEW_SIZE = 2048

/** Extensions taken as photos when a folder is imported (case-insensitive). */
export const PHOTO_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.tif',
  '.tiff',
  '.webp',
  '.heic',
  '.heif'
])
