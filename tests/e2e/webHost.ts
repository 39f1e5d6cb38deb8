import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const repoRoot = resolve(import.meta.dirname, '../..')

/** A real `dossier web` process on a library folder, as a user starts it. */
export class WebHostProcess {
  readonly dataDir: string
  url = ''
  #child: ChildProcess | undefined

  private constructor(dataDir: string) {
    this.dataDir = dataDir
  }

  static async start(dataDir?: string): Promise<WebHostProcess> {
    const host = new WebHostProcess(dataDir ?? (await mkdtemp(join(tmpdir(), 'dossier-e2e-'))))
    await host.restart()
    return host
  }

  /** (Re)starts the host on the same library and waits for the URL it prints. */
  async restart(): Promise<void> {
    await this.stop()
    const child = spawn(
      process.execPath,
      ['bin/dossier.js', '--data', this.dataDir, '--json', 'web'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    this.#child = child
    let output = ''
    for await (const chunk of child.stdout!) {
      output += String(chunk)
      const end = output.lastIndexOf('}')
      if (end > 0) {
        this.url = (JSON.parse(output.slice(output.indexOf('{'), end + 1)) as { url: string }).url
        return
      }
    }
    throw new Error(`dossier web exited before printing its URL: ${output}`)
  }

  /** Kills the host outright (SIGKILL), as a crash or a power cut would: nothing is flushed. */
  async kill(): Promise<void> {
    const child = this.#child
    this.#child = undefined
    if (!child || child.exitCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }

  /** Stops the host the way Ctrl+C does, waiting until it has released the library. */
  async stop(): Promise<void> {
    const child = this.#child
    this.#child = undefined
    if (!child || child.exitCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
  }
}
