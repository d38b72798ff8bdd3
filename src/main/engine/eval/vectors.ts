import { pairwiseSum } from './numpy-compat'

/** Embeddings as one Float32Array per image, or one flat row-major Float32Array. */
export type Vectors = readonly Float32Array[] | Float32Array

/** Unit-length rows in float64, row-major: what evaluate.py scores with. */
export type UnitMatrix = { data: Float64Array; rows: number; dim: number }

export { NEW_WHALE } from '../../../shared/domain'

// evaluate.py's normalise(): X / max(|X|, 1e-12), so a zero vector stays zero.
const NORM_FLOOR = 1e-12

/**
 * Rows scaled to unit length in float64. A flat array's dimension is its length / rows
 * (checked against expectedDim when given).
 * Vectors that are empty, of unequal length or not finite are refused, as evaluate.py does.
 */
export function unitRows(vectors: Vectors, rows: number, expectedDim?: number): UnitMatrix {
  const flat = vectors instanceof Float32Array
  const dim = flat ? (rows ? vectors.length / rows : 0) : (vectors[0]?.length ?? 0)
  const wrongDim = expectedDim !== undefined && rows > 0 && dim !== expectedDim
  if ((flat ? !Number.isInteger(dim) : vectors.length !== rows) || wrongDim) {
    const of = expectedDim === undefined ? '' : ` of ${expectedDim} dimensions`
    throw new RangeError(`${vectors.length} ${flat ? 'values' : 'vectors'} for ${rows} labels${of}`)
  }
  if (rows > 0 && dim === 0) throw new RangeError('embeddings are empty')
  const data = new Float64Array(rows * dim)
  const squares = new Float64Array(dim)
  for (let r = 0; r < rows; r++) {
    const row = flat ? vectors.subarray(r * dim, (r + 1) * dim) : (vectors[r] as Float32Array)
    if (row.length !== dim) throw new RangeError(`vector ${r} has ${row.length} values, not ${dim}`)
    // Summed and divided as numpy does, so the unit vectors match evaluate.py's to the bit.
    for (let k = 0; k < dim; k++) squares[k] = (row[k] as number) * (row[k] as number)
    const norm = Math.max(Math.sqrt(pairwiseSum(squares)), NORM_FLOOR)
    if (!Number.isFinite(norm)) throw new RangeError(`vector ${r} is not finite`)
    for (let k = 0; k < dim; k++) data[r * dim + k] = (row[k] as number) / norm
  }
  return { data, rows, dim }
}
