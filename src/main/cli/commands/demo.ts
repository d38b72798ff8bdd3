import { generateDemoDataset } from '../../demo'
import { DEMO_SETTINGS } from '../../core/demo-catalog'
import { parseOptions, required } from '../options'

const USAGE =
  'flukeprint demo --out DIR [--individuals N] [--photos MIN-MAX] [--new N] [--seed S] [--turned-every N]'

export const demoCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        out: { type: 'string' },
        individuals: { type: 'string' },
        photos: { type: 'string' },
        new: { type: 'string' },
        seed: { type: 'string' },
        // Every Nth photo is stored sideways with EXIF orientation 6, as phones often do.
        'turned-every': { type: 'string' }
      },
      USAGE
    )
    const [min, max] = (values.photos ?? DEMO_SETTINGS.photosPerIndividual.join('-'))
      .split('-')
      .map(Number)
    const dataset = await generateDemoDataset(
      {
        outDir: required(values.out, '--out', USAGE),
        individuals: Number(values.individuals ?? DEMO_SETTINGS.individuals),
        photosPerIndividual: [min ?? 3, max ?? min ?? 3],
        newPhotos: Number(values.new ?? DEMO_SETTINGS.newPhotos),
        seed: Number(values.seed ?? DEMO_SETTINGS.seed),
        orientationSixEvery: Number(values['turned-every'] ?? 0)
      },
      (done, total) => process.stderr.write(`\rdrawing ${done}/${total}`)
    )
    process.stderr.write('\n')
    process.stdout.write(
      `${JSON.stringify({ dir: dataset.dir, csv: dataset.csvPath, photos: dataset.photos.length })}\n`
    )
    return 0
  }
}
