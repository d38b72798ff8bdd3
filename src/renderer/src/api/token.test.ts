import { describe, expect, it } from 'vitest'
import { readToken } from './token'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value)
  }
}

describe('readToken', () => {
  it('takes the URL token and remembers it for a reload without it', () => {
    const storage = memoryStorage()
    expect(readToken({ search: '?token=abc', storage })).toBe('abc')
    expect(readToken({ search: '', storage })).toBe('abc')
  })

  it('prefers a new URL token over the remembered one', () => {
    const storage = memoryStorage()
    readToken({ search: '?token=old', storage })
    expect(readToken({ search: '?token=new', storage })).toBe('new')
  })

  it('has none without URL or storage', () => {
    expect(readToken({ search: '', storage: null })).toBeNull()
  })
})
