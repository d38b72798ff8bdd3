import * as tf from '@tensorflow/tfjs'
import type {
  Conv2DBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo
} from '@tensorflow/tfjs'
import { originalKernel, WASM, withScratch, type Pads, type Scratch } from './scratch'
import { subPixelFilter } from './sub-pixel'

type ConvInfo = tf.backend_util.Conv2DInfo

/**
 * The wasm backend's own Conv2DBackpropInput is a scalar loop, about 20x slower than its
 * forward Conv2D; these forms are forward convolutions and run on XNNPACK.
 */
const conv2dBackpropInput: KernelFunc = (args) => {
  const { inputs, attrs, backend } = args
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo }
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
    attrs as unknown as Conv2DBackpropInputAttrs
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat)
  )
  const { strideHeight: sh, strideWidth: sw } = info
  const nhwc = info.dataFormat === 'channelsLast'
  if (nhwc && sh === 1 && sw === 1 && unitStridePads(info)) {
    return withScratch(backend, (s) => unitStride(s, dy, filter, info))
  }
  // Also stride 1 with explicit padding wider than the kernel (one phase).
  if (nhwc && sh === sw) {
    return withScratch(backend, (s) => subPixel(s, dy, filter, info))
  }
  const fallback = originalKernel('Conv2DBackpropInput')
  if (!fallback) throw new Error('No wasm Conv2DBackpropInput for this case')
  return fallback(args)
}

/** Stride 1: dy padded by K-1-pad, convolved with the filter flipped and its channels swapped. */
function unitStridePads(info: ConvInfo): Pads | undefined {
  const { filterHeight: kh, filterWidth: kw, padInfo } = info
  const pads = {
    top: kh - 1 - padInfo.top,
    left: kw - 1 - padInfo.left,
    bottom: info.inHeight - info.outHeight + padInfo.top,
    right: info.inWidth - info.outWidth + padInfo.left
  }
  // Explicit padding wider than the kernel would need negative padding here.
  return Object.values(pads).every((p) => p >= 0) ? pads : undefined
}

function unitStride(s: Scratch, dy: TensorInfo, filter: TensorInfo, info: ConvInfo): TensorInfo {
  const pads = unitStridePads(info) as Pads
  const flipped = info.filterHeight * info.filterWidth > 1 ? s.reverse(filter, [0, 1]) : filter
  return s.conv2d(dy, s.transpose(flipped, [0, 1, 3, 2]), pads)
}

/**
 * Stride s: each of the s*s output phases is a stride-1 convolution of dy with every s-th tap
 * of the filter. One convolution computes all phases as s*s*Cin channels and DepthToSpace
 * interleaves them: no multiplications by inserted zeros (4x waste at stride 2), only the
 * zero taps that round the sub-filters up to ceil(K/s).
 */
function subPixel(s: Scratch, dy: TensorInfo, filter: TensorInfo, info: ConvInfo): TensorInfo {
  const stride = info.strideHeight
  const { padInfo, inHeight, inWidth, batchSize, inChannels } = info
  // Phase row q holds input rows q*s - pad ... q*s - pad + s - 1; q runs from 0 to qh - 1.
  const qh = Math.ceil((inHeight + padInfo.top) / stride)
  const qw = Math.ceil((inWidth + padInfo.left) / stride)
  const extraH = Math.max(0, qh - info.outHeight)
  const extraW = Math.max(0, qw - info.outWidth)
  let phases: TensorInfo
  if (info.filterHeight === 1 && info.filterWidth === 1) {
    // Only phase (0, 0) has a tap: compute it alone and pad the other phases with zeros.
    const z = s.conv2d(dy, s.transpose(filter, [0, 1, 3, 2]), NO_PADS)
    phases = s.pad(z, [
      [0, 0],
      [0, extraH],
      [0, extraW],
      [0, (stride * stride - 1) * inChannels]
    ])
  } else {
    const sub = subPixelFilter(s, filter, stride)
    const pads = { top: sub.taps[0] - 1, left: sub.taps[1] - 1, bottom: extraH, right: extraW }
    phases = s.conv2d(dy, sub.filter, pads)
  }
  const full =
    stride > 1
      ? s.run('DepthToSpace', { x: phases }, { blockSize: stride, dataFormat: 'NHWC' })
      : phases
  const size = [batchSize, inHeight, inWidth, inChannels]
  return s.slice(full, [0, padInfo.top, padInfo.left, 0], size)
}

const NO_PADS = { top: 0, bottom: 0, left: 0, right: 0 }

export const conv2dBackpropInputConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: WASM,
  kernelFunc: conv2dBackpropInput
}
