import * as tf from '@tensorflow/tfjs'
import type {
  Conv2DBackpropFilterAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo
} from '@tensorflow/tfjs'
import { WASM, withScratch, type Scratch } from './scratch'

type ConvInfo = tf.backend_util.Conv2DInfo

/**
 * dW[kh, kw, ci, co] = sum over b, oh, ow of xPadded[b, oh*s + kh, ow*s + kw, ci] * dy[b, oh, ow, co].
 * The wasm backend has no kernel for it; both forms below run on XNNPACK.
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo }
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    attrs as unknown as Conv2DBackpropFilterAttrs
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat)
  )
  if (info.dataFormat !== 'channelsLast') {
    throw new Error('Flukeprint wasm Conv2DBackpropFilter supports NHWC only')
  }
  return withScratch(backend, (s) => {
    if (isPointwise(info)) return pointwise(s, x, dy, info)
    const taps = info.filterHeight * info.filterWidth * info.inChannels
    return taps <= MAX_PATCH ? patches(s, x, dy, info) : dilated(s, x, dy, info)
  })
}

function isPointwise(info: ConvInfo): boolean {
  const p = info.padInfo
  return (
    info.filterHeight === 1 &&
    info.filterWidth === 1 &&
    p.top === 0 &&
    p.left === 0 &&
    p.bottom === 0 &&
    p.right === 0
  )
}

/** A 1x1 filter gradient is one matrix product, about 8x faster than the convolution form. */
function pointwise(s: Scratch, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const { batchSize, outHeight, outWidth, inChannels, outChannels } = info
  const strided = info.strideHeight > 1 || info.strideWidth > 1
  const xs = strided
    ? s.run(
        'StridedSlice',
        { x },
        {
          begin: [0, 0, 0, 0],
          end: x.shape,
          strides: [1, info.strideHeight, info.strideWidth, 1],
          beginMask: 0,
          endMask: 0,
          ellipsisMask: 0,
          newAxisMask: 0,
          shrinkAxisMask: 0
        }
      )
    : x
  const n = batchSize * outHeight * outWidth
  const x2 = s.reshape(xs, [n, inChannels])
  const dy2 = s.reshape(dy, [n, outChannels])
  // Transpose whichever operand is narrower: it is the only full copy this path makes.
  const grad =
    inChannels <= outChannels
      ? s.matMul(s.transpose(x2, [1, 0]), dy2)
      : s.transpose(s.matMul(s.transpose(dy2, [1, 0]), x2), [1, 0])
  return s.reshape(grad, [1, 1, inChannels, outChannels])
}

/** Up to this many taps per output pixel, extracting patches costs less than it saves. */
const MAX_PATCH = 32

/**
 * Few input channels (a first layer on grey crops): the dilated form below would be one
 * convolution with 9 or 25 output pixels, which XNNPACK runs at 1 GFLOP/s. Instead one
 * convolution with a one-hot filter extracts the [B, OH, OW, KH*KW*Cin] patches and a single
 * matrix product with dy gives the gradient: 4-5x faster on a 96x96 stem.
 */
function patches(s: Scratch, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const { filterHeight: kh, filterWidth: kw, inChannels, outChannels, padInfo } = info
  const taps = kh * kw * inChannels
  const eye = new Float32Array(taps * taps)
  for (let t = 0; t < taps; t++) eye[t * taps + t] = 1
  const extract = s.vector(eye, [kh, kw, inChannels, taps])
  const pads = {
    top: padInfo.top,
    bottom: padInfo.bottom,
    left: padInfo.left,
    right: padInfo.right
  }
  const strides: [number, number] = [info.strideHeight, info.strideWidth]
  const found = s.conv2d(x, extract, pads, 1, strides)
  const n = info.batchSize * info.outHeight * info.outWidth
  const byTap = s.transpose(s.reshape(found, [n, taps]), [1, 0])
  const grad = s.matMul(byTap, s.reshape(dy, [n, outChannels]))
  return s.reshape(grad, [kh, kw, inChannels, outChannels])
}

/**
 * The filter gradient is itself one convolution: over x as [Cin, H, W, B] with dy as a
 * [OH, OW, B, Cout] filter dilated by the forward stride; its output is [Cin, KH, KW, Cout].
 */
function dilated(s: Scratch, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const { padInfo, strideHeight: sh, strideWidth: sw, inHeight, inWidth } = info
  // Rows and columns of padded x that the forward pass actually read.
  const spanH = (info.outHeight - 1) * sh + info.filterHeight
  const spanW = (info.outWidth - 1) * sw + info.filterWidth
  const keepH = Math.min(inHeight, spanH - padInfo.top)
  const keepW = Math.min(inWidth, spanW - padInfo.left)
  const cropped =
    keepH < inHeight || keepW < inWidth
      ? s.slice(x, [0, 0, 0, 0], [info.batchSize, keepH, keepW, info.inChannels])
      : x
  const xT = s.transpose(cropped, [3, 1, 2, 0])
  const dyT = s.transpose(dy, [1, 2, 0, 3])
  const pads = {
    top: padInfo.top,
    left: padInfo.left,
    bottom: spanH - padInfo.top - keepH,
    right: spanW - padInfo.left - keepW
  }
  const grad = s.conv2d(xT, dyT, pads, [sh, sw])
  return s.transpose(grad, [1, 2, 0, 3])
}

export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: WASM,
  kernelFunc: conv2dBackpropFilter
}
