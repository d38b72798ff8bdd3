// Checks the electron-builder configuration as far as it can be without building (the Electron
// binary and electron-builder's packaging tools cannot be downloaded here): electron-builder's
// own schema validation, the icons, and that every files/asarUnpack glob names real paths.
import { existsSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readIcnsTypes, readIcoEntries } from './icon-files'

const root = join(import.meta.dirname, '..', '..', '..')
const require = createRequire(import.meta.url)

interface BuilderConfig {
  /** getConfig normalises the list into one { filter } set. */
  files: { filter: string[] }[]
  asarUnpack: string[]
  directories: { buildResources: string; output: string }
  linux: { target: string[]; icon: string }
  mac: { target: string; icon: string }
  win: { target: string; icon: string }
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig: (dir: string, file: string | null, options: null) => Promise<BuilderConfig>
  }
  return getConfig(root, join(root, 'electron-builder.yml'), null)
}

/** Minimatch-style glob to a RegExp over forward-slash paths ('**', '*', nothing else). */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '<<ANY>>')
    .replace(/\*/g, '[^/]*')
    .replace(/<<ANY>>/g, '.*')
  return new RegExp(`^${source}$`)
}

async function filesUnder(dir: string, limit = 20000): Promise<string[]> {
  const found: string[] = []
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (found.length >= limit) return
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path)
      else found.push(relative(root, path).split('\\').join('/'))
    }
  }
  if (existsSync(dir)) await walk(dir)
  return found
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown }
    const config = await loadConfig()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // And it does reject a mistake, so the check above means something.
    await expect(
      validateConfiguration(
        { ...config, linux: { target: 'AppImage', colour: 1 } },
        new DebugLogger(false)
      )
    ).rejects.toThrow(/Invalid configuration/)
  })

  it('targets AppImage and deb, dmg and nsis, with icons that exist', async () => {
    const config = await loadConfig()
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
    const png = join(root, config.linux.icon)
    expect(await sharp(png).metadata()).toMatchObject({ width: 512, height: 512, format: 'png' })
    const ico = readIcoEntries(readFileSync(join(root, config.win.icon)))
    expect(ico.map((e) => e.size)).toContain(256)
    expect(readIcnsTypes(readFileSync(join(root, config.mac.icon)))).toEqual([
      'ic07',
      'ic08',
      'ic09',
      'ic10'
    ])
  })

  it('packs the build output and no sources', async () => {
    const config = await loadConfig()
    const globs = config.files.flatMap((set) => set.filter)
    const include = globs.filter((f) => !f.startsWith('!')).map(globToRegExp)
    expect(include.some((r) => r.test('src/main/index.ts'))).toBe(false)
    expect(include.some((r) => r.test('e2e/views.spec.ts'))).toBe(false)
    expect(include.some((r) => r.test('package.json'))).toBe(true)
    // Where a build exists, its entry points are covered (electron-vite writes them to out/).
    const built = await filesUnder(join(root, 'out'))
    for (const entry of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      if (built.includes(entry)) expect(include.some((r) => r.test(entry))).toBe(true)
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }
    expect(include.some((r) => r.test(pkg.main.replace(/^\.\//, '')))).toBe(true)
  })

  it("unpacks sharp's native parts and the wasm binaries, which exist in node_modules", async () => {
    const { asarUnpack } = await loadConfig()
    const matching = async (glob: string) => {
      const top = glob.slice(0, glob.indexOf('*')).replace(/\/$/, '')
      const regex = globToRegExp(glob)
      return (await filesUnder(join(root, top))).filter((f) => regex.test(f))
    }
    const sharpAddon = await matching('node_modules/@img/**')
    expect(sharpAddon.some((f) => f.endsWith('.node'))).toBe(true)
    expect(sharpAddon.some((f) => /libvips/.test(f))).toBe(true)
    expect((await matching('node_modules/sharp/**')).length).toBeGreaterThan(0)
    const wasm = await matching('node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm')
    expect(wasm.map((f) => f.split('/').pop())).toContain('tfjs-backend-wasm-simd.wasm')
    // tfjs-node-gpu cannot be installed here; its glob stays for machines where it is.
    expect(asarUnpack).toContain('node_modules/@tensorflow/tfjs-node-gpu/**')
    for (const glob of ['node_modules/sharp/**', 'node_modules/@img/**']) {
      expect(asarUnpack).toContain(glob)
    }
  })
})

describe('unpackedPath', () => {
  it('points into app.asar.unpacked, on POSIX and Windows paths, and leaves others alone', async () => {
    const { unpackedPath } = await import('../engine/backend/wasm-setup')
    expect(unpackedPath('/opt/Flukeprint/resources/app.asar/node_modules/x/dist')).toBe(
      '/opt/Flukeprint/resources/app.asar.unpacked/node_modules/x/dist'
    )
    expect(unpackedPath('C:\\Flukeprint\\resources\\app.asar\\node_modules\\x')).toBe(
      'C:\\Flukeprint\\resources\\app.asar.unpacked\\node_modules\\x'
    )
    expect(unpackedPath('/work/node_modules/x/dist')).toBe('/work/node_modules/x/dist')
  })
})
