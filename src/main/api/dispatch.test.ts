import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { dispatch } from './dispatch'
import { coreWithHandlers } from '../../../tests/fixtures/handlers'

const setup = coreWithHandlers

describe('the contract at the door', () => {
  it('refuses unknown requests', async () => {
    const { handlers } = setup()
    expect(await dispatch(handlers, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      status: 400,
      body: { code: 'invalid-argument', error: 'Unknown request fs.readFile' }
    })
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses arguments of the wrong shape before any handler runs', async () => {
    const { handlers } = setup()
    const wrongType = await dispatch(handlers, 'catalog.open', { path: 42, create: true })
    expect(wrongType).toMatchObject({ ok: false, status: 400 })
    expect(!wrongType.ok && wrongType.body.error).toMatch(/catalog\.open \(path\)/)
    const extra = await dispatch(handlers, 'photos.get', { id: 'x', path: '/etc/passwd' })
    expect(extra).toMatchObject({ ok: false, status: 400 })
    const badDate = await dispatch(handlers, 'photos.list', { filter: { dateFrom: 'yesterday' } })
    expect(!badDate.ok && badDate.body.error).toMatch(/YYYY-MM-DD/)
  })

  it('checks merge and split arguments, and answers them through the catalogue', async () => {
    const { core, handlers } = setup()
    const noTarget = await dispatch(handlers, 'individuals.split', {
      id: 'a',
      annotationIds: [],
      into: { newName: null }
    })
    expect(!noTarget.ok && noTarget.body.error).toMatch(/choose the photos/)
    const mixed = await dispatch(handlers, 'individuals.split', {
      id: 'a',
      annotationIds: ['x'],
      into: { individualId: 'b', newName: 'c' }
    })
    expect(mixed).toMatchObject({ ok: false, status: 400 })
    await core.openCatalog(await tempDir(), true)
    await core.requireCatalog().update((data) => {
      for (const id of ['a', 'b']) {
        data.individuals.push({ id, name: id, notes: '', createdAt: 't', mergedIntoId: null })
      }
    })
    const merged = await dispatch(handlers, 'individuals.merge', { id: 'a', intoId: 'b' })
    expect(merged).toMatchObject({ ok: true, result: { kind: 'merge', from: 'a', to: 'b' } })
    expect(await dispatch(handlers, 'individuals.merge', { id: 'a', intoId: 'b' })).toMatchObject({
      ok: false,
      status: 409,
      body: { code: 'conflict' }
    })
  })

  it('says plainly when no catalogue is open', async () => {
    const { handlers } = setup()
    expect(await dispatch(handlers, 'photos.list', { filter: {} })).toMatchObject({
      ok: false,
      status: 409,
      body: { code: 'no-catalog' }
    })
  })

  it('runs valid requests', async () => {
    const { handlers } = setup()
    const dir = await tempDir()
    const opened = await dispatch(handlers, 'catalog.open', { path: dir, create: true })
    expect(opened).toMatchObject({ ok: true, result: { path: dir, stats: { photos: 0 } } })
    expect(await dispatch(handlers, 'photos.list', { filter: {} })).toEqual({
      ok: true,
      result: []
    })
    const missing = await dispatch(handlers, 'photos.get', { id: 'nope' })
    expect(missing).toMatchObject({ ok: false, status: 404, body: { code: 'not-found' } })
    const importMissing = await dispatch(handlers, 'import.folder', { folder: `${dir}/nowhere` })
    expect(importMissing).toMatchObject({ ok: false, status: 404 })
  })
})
