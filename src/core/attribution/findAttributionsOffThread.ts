import { readlinkSync } from 'node:fs'
import { constants, platform, setPriority } from 'node:os'
import type { MessagePort } from 'node:worker_threads'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Suggestion } from '../../shared/suggestion'

/** What the worker is started with, so that this module knows it is the worker. */
const WORKER_ROLE = 'dossier:attribution-finder'
/** The same, for the worker of the library's background pass, which runs at low priority. */
const BACKGROUND_ROLE = 'dossier:attribution-finder:background'

interface Request {
  id: number
  text: string
  /** Answer with `encodeSuggestionRows` of the suggestions instead of the objects. */
  rows?: boolean
}
type Reply =
  | { id: number; suggestions: Suggestion[] }
  | { id: number; rows: string }
  | { id: number; error: string }

interface Pending {
  resolve(found: Suggestion[] | string): void
  reject(error: Error): void
}

interface Thread {
  role: typeof WORKER_ROLE | typeof BACKGROUND_ROLE
  worker: Worker | undefined
  pending: Map<number, Pending>
}

const threads = {
  foreground: { role: WORKER_ROLE, worker: undefined, pending: new Map() } as Thread,
  background: { role: BACKGROUND_ROLE, worker: undefined, pending: new Map() } as Thread
}
let nextId = 0

/**
 * `findAttributions` on a worker thread. Loading wink's model takes half a second or more and
 * reading a 10 KB article some 15 ms: on the host's own thread both would hold up every save
 * queued behind them. One worker serves the process, started on the first call; it does not
 * keep the process alive while idle.
 *
 * This module is also the worker's code: started by itself, it serves texts instead. The
 * worker's file is then always this module's, in the sources as in the bundle, where it is an
 * entry of its own (`electron.vite.config.ts`), so no other code runs with it.
 */
export function findAttributionsOffThread(
  text: string,
  { background = false }: { background?: boolean } = {}
): Promise<Suggestion[]> {
  return ask(background ? threads.background : threads.foreground, { text }) as Promise<
    Suggestion[]
  >
}

/**
 * The library pass's way: the suggestions as `encodeSuggestionRows` gives them, found on the
 * background worker, so that the host's thread copies one string per article and builds
 * no objects for what it only stores.
 */
export function findAttributionRowsOffThread(text: string): Promise<string> {
  return ask(threads.background, { text, rows: true }) as Promise<string>
}

function ask(thread: Thread, request: Omit<Request, 'id'>): Promise<Suggestion[] | string> {
  const worker = (thread.worker ??= startWorker(thread))
  const id = nextId++
  const reply = new Promise<Suggestion[] | string>((resolve, reject) =>
    thread.pending.set(id, { resolve, reject })
  )
  worker.ref()
  worker.postMessage({ id, ...request } satisfies Request)
  return reply
}

/**
 * `background`: the library pass's texts go to a worker of their own, started when the pass
 * first asks, whose thread lowers its own priority (where the system lets a thread do so,
 * Linux), so that on a busy machine the host's thread, the renderer's and an open
 * article's suggestions get the cores first; the analyst's **Suggest claims** never queues
 * behind the pass.
 */
function startWorker(owner: Thread): Worker {
  const { role, pending } = owner
  const self = import.meta.url
  const thread = self.endsWith('.ts')
    ? new Worker(throughTsx(self), { eval: true, workerData: role })
    : new Worker(new URL(self), { workerData: role })
  thread.unref()
  thread.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) thread.unref()
    if (!waiting) return
    if ('error' in reply) waiting.reject(new Error(`The attribution finder failed: ${reply.error}`))
    else waiting.resolve('rows' in reply ? reply.rows : reply.suggestions)
  })
  const fail = (error: Error): void => {
    if (owner.worker === thread) owner.worker = undefined
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  thread.on('error', (error) => fail(new Error(`The attribution finder stopped: ${error.message}`)))
  thread.on('exit', (code) => fail(new Error(`The attribution finder exited (code ${code}).`)))
  return thread
}

/**
 * From the TypeScript sources (tests, `npm run cli`), the worker registers tsx before it reads
 * this file: Node 20 does not apply a worker's `--import` hooks to the worker itself.
 */
function throughTsx(url: string): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}) })`
}

/**
 * Linux gives each thread its own nice value, and `setpriority` with a thread's id sets
 * just that thread's; elsewhere the same call would lower the whole process, so it is left.
 */
function lowerThisThreadsPriority(): void {
  if (platform() !== 'linux') return
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1))
    if (Number.isInteger(threadId) && threadId > 0)
      setPriority(threadId, constants.priority.PRIORITY_LOW)
  } catch {
    // Not allowed, or no /proc: the pass still steps aside for the analyst's changes.
  }
}

/** The worker's side: one text at a time, in the order they came. */
async function serve(port: MessagePort): Promise<void> {
  const { findAttributions } = await import('./findAttributions')
  const { encodeSuggestionRows } = await import('./compactSuggestions')
  let queue = Promise.resolve()
  port.on('message', ({ id, text, rows }: Request) => {
    queue = queue.then(async () => {
      try {
        const suggestions = await findAttributions(text)
        port.postMessage(
          (rows
            ? { id, rows: encodeSuggestionRows(suggestions) }
            : { id, suggestions }) satisfies Reply
        )
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        port.postMessage({ id, error: message } satisfies Reply)
      }
    })
  })
}

if (!isMainThread && parentPort) {
  if (workerData === BACKGROUND_ROLE) lowerThisThreadsPriority()
  if (workerData === WORKER_ROLE || workerData === BACKGROUND_ROLE) void serve(parentPort)
}
