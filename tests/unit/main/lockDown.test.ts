import { describe, expect, it, vi } from 'vitest'

// The one fake: Electron itself, which cannot run here.
const opened = vi.hoisted(() => [] as string[])
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void opened.push(url) }
}))

const { denyAllPermissions, lockDownWebContents } = await import('../../../src/main/lockDown')

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void

/** The parts of a WebContents that lockDownWebContents touches, recording what it did. */
function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler)
  }
  lockDownWebContents(contents as never)
  return {
    /** Whether the listener for `name` cancelled the event. */
    prevented(name: string, ...args: unknown[]): boolean {
      let prevented = false
      listeners.get(name)!({ preventDefault: () => (prevented = true) }, ...args)
      return prevented
    },
    open: (url: string) => openHandler!({ url })
  }
}

describe('lockDownWebContents', () => {
  it('cancels every navigation and every webview', () => {
    const contents = fakeContents()
    for (const url of ['https://example.com/', 'app://bundle/other.html', 'javascript:alert(1)'])
      expect(contents.prevented('will-navigate', url), url).toBe(true)
    expect(contents.prevented('will-attach-webview')).toBe(true)
  })

  it('denies every new window; only http(s) links go to the system browser', () => {
    const contents = fakeContents()
    opened.length = 0
    for (const url of [
      'https://example.com/report',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'data:text/html,<script>1</script>',
      'app://bundle/index.html'
    ])
      expect(contents.open(url), url).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.com/report'])
  })
})

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((...args: unknown[]) => void) | undefined
    let check: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler)
    } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const answers: boolean[] = []
      request!({}, permission, (granted: boolean) => answers.push(granted))
      expect(answers, permission).toEqual([false])
    }
    expect(check!()).toBe(false)
  })
})
