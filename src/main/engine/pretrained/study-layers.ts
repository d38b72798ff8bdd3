// Candidate cuts of MobileNetV2 for the layer study. Block outputs (the linear bottleneck, after
// the residual add where there is one) at the end of each resolution stage, the wider ReLU
// expansions that feed the next stage, and the final 1280-d map nsfwjs classifies from.
export const STUDY_LAYERS: readonly string[] = [
  'block_2_add', // 56x56x24
  'block_3_project_BN', // 28x28x32
  'block_5_add', // 28x28x32
  'block_6_expand_relu', // 28x28x192
  'block_6_project_BN', // 14x14x64
  'block_9_add', // 14x14x64
  'block_10_expand_relu', // 14x14x384
  'block_10_project_BN', // 14x14x96
  'block_12_add', // 14x14x96
  'block_13_expand_relu', // 14x14x576
  'block_13_project_BN', // 7x7x160
  'block_15_add', // 7x7x160
  'block_16_expand_relu', // 7x7x960
  'block_16_project_BN', // 7x7x320
  'out_relu' // 7x7x1280
]
