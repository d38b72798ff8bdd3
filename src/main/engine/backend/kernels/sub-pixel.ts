import type { TensorInfo } from '@tensorflow/tfjs'
import type { Scratch } from './scratch'

/**
 * Splits a [KH, KW, Cin, Cout] forward filter into the s*s stride phases of its transposed
 * convolution: [J, J, Cout, s*s*Cin] with J = ceil(K/s), taps reversed so that a stride-1
 * VALID convolution of dy (padded by J-1 before) yields every phase at once.
 * Channel (rh*s + rw)*Cin + ci of the result holds phase (rh, rw), DepthToSpace's order.
 */
export function subPixelFilter(
  s: Scratch,
  filter: TensorInfo,
  stride: number
): { taps: [number, number]; filter: TensorInfo } {
  const [kh = 1, kw = 1, cin = 1, cout = 1] = filter.shape
  const jh = Math.ceil(kh / stride)
  const jw = Math.ceil(kw / stride)
  const padded = s.pad(filter, [
    [0, jh * stride - kh],
    [0, jw * stride - kw],
    [0, 0],
    [0, 0]
  ])
  const split = s.reshape(padded, [jh, stride, jw, stride, cin, cout])
  const byPhase = s.transpose(split, [0, 2, 5, 1, 3, 4])
  const merged = s.reshape(byPhase, [jh, jw, cout, stride * stride * cin])
  return { taps: [jh, jw], filter: s.reverse(merged, [0, 1]) }
}
