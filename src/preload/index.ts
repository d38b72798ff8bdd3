// The whole bridge: window.api, typed by the contract. It forwards requests and events over
// two fixed channels; the main process validates every name and argument.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type {
  ApiErrorBody,
  AppApi,
  EventName,
  Events,
  ImageKind,
  RequestName
} from '../shared/contract'
import { EVENT_CHANNEL, IMAGE_SCHEME, REQUEST_CHANNEL } from '../shared/channels'

type Reply = { ok: true; result: unknown } | { ok: false; body: ApiErrorBody }

interface EventMessage {
  name: EventName
  payload: unknown
}

async function request(name: RequestName, args: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(REQUEST_CHANNEL, { name, args })) as Reply
  if (reply.ok) return reply.result
  throw Object.assign(new Error(reply.body.error), { code: reply.body.code })
}

function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  const forward = (_event: unknown, message: unknown) => {
    const { name, payload } = message as EventMessage
    if (name === event) listener(payload as Events[E])
  }
  ipcRenderer.on(EVENT_CHANNEL, forward)
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward)
}

const api = {
  request,
  on,
  imageUrl: (kind: ImageKind, id: string) => `${IMAGE_SCHEME}://${kind}/${encodeURIComponent(id)}`,
  // A dropped folder's path, for import: File.path is gone since Electron 32.
  pathForFile: (file: File) => webUtils.getPathForFile(file)
} as AppApi

contextBridge.exposeInMainWorld('api', api)
