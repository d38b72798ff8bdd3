import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDay,
  formatEta,
  formatLatLon,
  percent
} from './format'

describe('format', () => {
  it('sizes in decimal units', () => {
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(2_400_000)).toBe('2.4 MB')
    expect(formatBytes(15_300_000)).toBe('15 MB')
  })

  it('counts with the right plural', () => {
    expect(formatCount(1, 'photo')).toBe('1 photo')
    expect(formatCount(30000, 'photo')).toBe('30000 photos')
  })

  it('rounds the ETA up', () => {
    expect(formatEta(null)).toBeNull()
    expect(formatEta(3)).toBe('a few seconds left')
    expect(formatEta(61)).toBe('about 2 min left')
    expect(formatEta(3600)).toBe('about 1 h left')
    expect(formatEta(3700)).toBe('about 1 h 2 min left')
  })

  it('writes hemispheres', () => {
    expect(formatLatLon(-33.5, 151.25)).toBe('33.50000° S, 151.25000° E')
  })

  it('writes dates the ISO way, EXIF times as recorded', () => {
    expect(formatDay('2024-07-01')).toBe('2024-07-01')
    expect(formatDay(null, 'Undated')).toBe('Undated')
    expect(formatDateTime('2024-07-01T10:22:05')).toBe('2024-07-01 10:22:05')
    expect(formatDateTime(null, 'Unknown')).toBe('Unknown')
    const utc = formatDateTime('2024-07-01T10:22:05Z')
    expect(utc).toMatch(/^2024-07-0[12] \d{2}:22:05$/)
  })

  it('keeps percent within 0..100', () => {
    expect(percent(5, 0)).toBe(0)
    expect(percent(15, 10)).toBe(100)
  })
})
