import type { MessagePort } from 'node:worker_threads'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Suggestion } from '../../shared/suggestion'

/** What the worker is started with, so that this module knows it is the worker. */
const WORKER_ROLE = 'dossier:attribution-finder'

interface Request {
  id: number
  text: string
}
type Reply = { id: number; suggestions: Suggestion[] } | { id: number; error: string }

interface Pending {
  resolve(suggestions: Suggestion[]): void
  reject(error: Error): void
}

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

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
export function findAttributionsOffThread(text: string): Promise<Suggestion[]> {
  const thread = (worker ??= startWorker())
  const id = nextId++
  const reply = new Promise<Suggestion[]>((resolve, reject) => pending.set(id, { resolve, reject }))
  thread.ref()
  thread.postMessage({ id, text } satisfies Request)
  return reply
}

function startWorker(): Worker {
  const self = import.meta.url
  const thread = self.endsWith('.ts')
    ? new Worker(throughTsx(self), { eval: true, workerData: WORKER_ROLE })
    : new Worker(new URL(self), { workerData: WORKER_ROLE })
  thread.unref()
  thread.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) thread.unref()
    if (!waiting) return
    if ('error' in reply) waiting.reject(new Error(`The attribution finder failed: ${reply.error}`))
    else waiting.resolve(reply.suggestions)
  })
  const fail = (error: Error): void => {
    if (worker === thread) worker = undefined
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

/** The worker's side: one text at a time, in the order they came. */
async function serve(port: MessagePort): Promise<void> {
  const { findAttributions } = await import('./findAttributions')
  let queue = Promise.resolve()
  port.on('message', ({ id, text }: Request) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ id, suggestions: await findAttributions(text) } satisfies Reply)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        port.postMessage({ id, error: message } satisfies Reply)
      }
    })
  })
}

if (!isMainThread && workerData === WORKER_ROLE && parentPort) void serve(parentPort)
