import * as tf from '@tensorflow/tfjs'
import type {
  DepthwiseConv2dNativeBackpropFilterAttrs as FilterAttrs,
  DepthwiseConv2dNativeBackpropInputAttrs as InputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo
} from '@tensorflow/tfjs'
import { WASM, withScratch, type Scratch } from './scratch'

type ConvInfo = tf.backend_util.Conv2DInfo
type Shape4 = [number, number, number, number]

/** The wasm backend has neither depthwise gradient; both are forward depthwise convolutions here. */
function depthwiseInfo(
  xShape: Shape4,
  filterShape: Shape4,
  attrs: FilterAttrs | InputAttrs
): ConvInfo {
  const { strides, dilations, pad, dimRoundingMode } = attrs
  if (!tf.backend_util.tupleValuesAreOne(dilations)) {
    throw new Error('Depthwise convolution gradients with dilation > 1 are not supported')
  }
  return tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true
  )
}

/**
 * dW[kh, kw, c, m] = sum over b, oh, ow of x[b, oh*s+kh, ow*s+kw, c] * dy[b, oh, ow, c*M+m]:
 * one depthwise convolution whose channels are the (c, b) pairs, over x as [1, H, W, C*B] with dy
 * as a [OH, OW, C*B, M] filter dilated by the stride, then a sum over b.
 */
const backpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo }
  const a = attrs as unknown as FilterAttrs
  const info = depthwiseInfo(x.shape as Shape4, a.filterShape, a)
  return withScratch(backend, (s) => {
    const {
      batchSize: b,
      inHeight: h,
      inWidth: w,
      inChannels: c,
      outHeight: oh,
      outWidth: ow
    } = info
    const [kh, kw, , m] = a.filterShape
    const spanH = (oh - 1) * info.strideHeight + kh
    const spanW = (ow - 1) * info.strideWidth + kw
    const keepH = Math.min(h, spanH - info.padInfo.top)
    const keepW = Math.min(w, spanW - info.padInfo.left)
    const cropped = keepH < h || keepW < w ? s.slice(x, [0, 0, 0, 0], [b, keepH, keepW, c]) : x
    const image = s.reshape(s.transpose(cropped, [1, 2, 3, 0]), [1, keepH, keepW, c * b])
    const dy5 = s.reshape(dy, [b, oh, ow, c, m])
    const filter = s.reshape(s.transpose(dy5, [1, 2, 3, 0, 4]), [oh, ow, c * b, m])
    const pads = {
      top: info.padInfo.top,
      left: info.padInfo.left,
      bottom: spanH - info.padInfo.top - keepH,
      right: spanW - info.padInfo.left - keepW
    }
    const perPair = s.depthwise(image, filter, pads, [info.strideHeight, info.strideWidth])
    return s.sum(s.reshape(perPair, [kh, kw, c, b, m]), [3])
  })
}

/** dx: stride 1 is a depthwise convolution of padded dy with the flipped filter; stride s uses
 * the stride phases as channel multipliers and interleaves them with DepthToSpace. */
const backpropInput: KernelFunc = ({ inputs, attrs, backend }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo }
  const a = attrs as unknown as InputAttrs
  const info = depthwiseInfo(a.inputShape, filter.shape as Shape4, a)
  if (info.strideHeight !== info.strideWidth) {
    throw new Error('Depthwise input gradients need equal strides')
  }
  return withScratch(backend, (s) => inputGradient(s, dy, filter, info))
}

function inputGradient(s: Scratch, dy: TensorInfo, filter: TensorInfo, info: ConvInfo): TensorInfo {
  const stride = info.strideHeight
  const [kh = 1, kw = 1, c = 1, m = 1] = filter.shape
  const { padInfo, batchSize: b, inHeight: h, inWidth: w } = info
  const jh = Math.ceil(kh / stride)
  const jw = Math.ceil(kw / stride)
  const phases = stride * stride
  // Filter taps by phase: [J, J, C*M, s*s], reversed in space.
  const padded = s.pad(filter, [
    [0, jh * stride - kh],
    [0, jw * stride - kw],
    [0, 0],
    [0, 0]
  ])
  const split = s.reshape(padded, [jh, stride, jw, stride, c * m])
  const byPhase = s.reshape(s.transpose(split, [0, 2, 4, 1, 3]), [jh, jw, c * m, phases])
  const taps = s.reverse(byPhase, [0, 1])
  const qh = Math.ceil((h + padInfo.top) / stride)
  const qw = Math.ceil((w + padInfo.left) / stride)
  const pads = {
    top: jh - 1,
    left: jw - 1,
    bottom: Math.max(0, qh - info.outHeight),
    right: Math.max(0, qw - info.outWidth)
  }
  const z = s.depthwise(dy, taps, pads)
  const [, zh = 1, zw = 1] = z.shape
  // Channels come out as (c, m, phase): sum over m, then put the phase first for DepthToSpace.
  let perChannel = s.reshape(z, [b, zh, zw, c, m, phases])
  if (m > 1) perChannel = s.sum(perChannel, [4])
  const phaseMajor = s.transpose(s.reshape(perChannel, [b, zh, zw, c, phases]), [0, 1, 2, 4, 3])
  const merged = s.reshape(phaseMajor, [b, zh, zw, phases * c])
  const full =
    stride > 1
      ? s.run('DepthToSpace', { x: merged }, { blockSize: stride, dataFormat: 'NHWC' })
      : merged
  return s.slice(full, [0, padInfo.top, padInfo.left, 0], [b, h, w, c])
}

export const depthwiseBackpropConfigs: KernelConfig[] = [
  {
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    backendName: WASM,
    kernelFunc: backpropFilter
  },
  { kernelName: 'DepthwiseConv2dNativeBackpropInput', backendName: WASM, kernelFunc: backpropInput }
]
