export function formatScore(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(3)
}
