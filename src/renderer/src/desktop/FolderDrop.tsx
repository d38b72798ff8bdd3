import { useEffect, useState } from 'react'
import { Alert, Overlay, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useJobs } from '../api/JobsProvider'
import { toError } from '../api/api-error'
import { saveTrackedJob } from '../import/tracked-import'
import { navigate } from '../router/use-route'
import { droppedPaths } from './drop-paths'

/**
 * Folders dropped anywhere on the window are imported into the open catalogue, as from the
 * Import page. Where no path can be had (a browser given plain files), it says so.
 */
export function FolderDrop() {
  const api = useApi()
  const jobs = useJobs()
  const [over, setOver] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    const carriesSomething = (e: DragEvent) =>
      Boolean(e.dataTransfer?.types.some((t) => t === 'Files' || t === 'text/uri-list'))
    const onOver = (e: DragEvent) => {
      if (!carriesSomething(e)) return
      e.preventDefault()
      setOver(true)
    }
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false)
    }
    const onDrop = (e: DragEvent) => {
      if (!carriesSomething(e)) return
      e.preventDefault()
      setOver(false)
      const transfer = e.dataTransfer
      const paths = droppedPaths(
        {
          files: [...(transfer?.files ?? [])],
          uriList: transfer?.getData('text/uri-list') ?? '',
          text: transfer?.getData('text/plain') ?? ''
        },
        api.pathForFile?.bind(api)
      )
      if (paths.length === 0) {
        setProblem(
          'This browser does not tell Flukeprint where dropped folders are. Type the folder on the Import page, or use the desktop app.'
        )
        return
      }
      setProblem(null)
      void Promise.all(paths.map((folder) => api.request('import.folder', { folder }))).then(
        (started) => {
          // The Import page follows the last one, as if it had been started there.
          saveTrackedJob(started.at(-1)?.jobId ?? null)
          jobs.reload()
          navigate({ page: 'import' })
        },
        (error: unknown) => setProblem(toError(error).message)
      )
    }
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [api, jobs])

  return (
    <>
      {over && (
        <Overlay fixed center blur={2} zIndex={400} data-testid="drop-overlay">
          <Text size="xl" fw={700} c="white">
            Drop folders to import them
          </Text>
        </Overlay>
      )}
      {problem && (
        <Alert
          color="orange"
          withCloseButton
          onClose={() => setProblem(null)}
          title="Nothing was imported"
          style={{ position: 'fixed', bottom: 16, right: 16, zIndex: 401, maxWidth: 420 }}
          data-testid="drop-problem"
        >
          {problem}
        </Alert>
      )}
    </>
  )
}
