import * as tf from '@tensorflow/tfjs'

export type ConvArgs = {
  name?: string
  filters: number
  kernelSize: number
  strides?: number
  padding?: 'same' | 'valid'
}

/**
 * A bias-free 2-D convolution (BatchNorm follows every one). tf.layers.conv2d always runs
 * tf.fused.conv2d, whose custom gradient computes the input gradient even where nothing needs
 * it: for the first layer of a 96x96 net that was the costliest kernel of the whole training
 * step. tf.conv2d's registered gradient is computed only on demand.
 */
export class FlukeprintConv2D extends tf.layers.Layer {
  static readonly className = 'FlukeprintConv2D'
  private readonly filters: number
  private readonly kernelSize: number
  private readonly strides: number
  private readonly padding: 'same' | 'valid'
  private kernel?: tf.LayerVariable

  constructor(args: ConvArgs) {
    super(args.name ? { name: args.name } : {})
    this.filters = args.filters
    this.kernelSize = args.kernelSize
    this.strides = args.strides ?? 1
    this.padding = args.padding ?? 'same'
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape
    const channels = shape[shape.length - 1]
    if (typeof channels !== 'number') throw new Error('Conv2D needs a known channel count')
    const k = this.kernelSize
    const init = tf.initializers.heNormal({})
    this.kernel = this.addWeight('kernel', [k, k, channels, this.filters], 'float32', init)
    this.built = true
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D | undefined
    if (!x || !this.kernel) throw new Error('FlukeprintConv2D called before build')
    return tf.conv2d(x, this.kernel.read() as tf.Tensor4D, this.strides, this.padding)
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape
    const [batch = null, h = null, w = null] = shape
    const out = (n: number | null) => {
      if (n === null) return null
      const span = this.padding === 'same' ? n : n - this.kernelSize + 1
      return Math.ceil(span / this.strides)
    }
    return [batch, out(h), out(w), this.filters]
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding
    }
  }
}

// Registered on import so tf.loadLayersModel can rebuild saved models.
tf.serialization.registerClass(FlukeprintConv2D)
