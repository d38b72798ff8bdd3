import { describe, expect, it } from 'vitest'
import { droppedPaths, pathsFromText } from './drop-paths'

describe('dropped paths', () => {
  it('reads local file URIs from a uri-list, skipping comments and remote links', () => {
    const list =
      '# from the file manager\r\nfile:///home/ana/Survey%202024\r\nhttps://example.org/x\nfile://localhost/data/card1'
    expect(pathsFromText(list, '')).toEqual(['/home/ana/Survey 2024', '/data/card1'])
    expect(pathsFromText('file:///C:/Surveys/2024', '')).toEqual(['C:/Surveys/2024'])
  })

  it('takes a single path dragged as text, and nothing else', () => {
    expect(pathsFromText('', '/media/card/DCIM\n')).toEqual(['/media/card/DCIM'])
    expect(pathsFromText('', 'C:\\Surveys\\2024')).toEqual(['C:\\Surveys\\2024'])
    expect(pathsFromText('', 'hello world')).toEqual([])
    expect(pathsFromText('', '/a\n/b')).toEqual([])
  })

  it('prefers the real paths of dropped files where the host gives them', () => {
    const file = { name: 'DCIM' } as File
    const drop = { files: [file], uriList: 'file:///elsewhere', text: '' }
    expect(droppedPaths(drop, () => '/media/card/DCIM')).toEqual(['/media/card/DCIM'])
    expect(droppedPaths(drop)).toEqual(['/elsewhere'])
    expect(droppedPaths(drop, () => '')).toEqual(['/elsewhere'])
  })
})
