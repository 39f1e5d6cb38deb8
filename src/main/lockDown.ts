import type { Session, WebContents } from 'electron'
import { shell } from 'electron'
import { isWebUrl } from './security'

/**
 * The page never navigates, attaches a webview or opens a window: links to the web open in
 * the system browser, and nothing else happens.
 */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) void shell.openExternal(new URL(url).href)
    return { action: 'deny' }
  })
}

/** Camera, microphone, notifications, geolocation…: Dossier needs none, so none is granted. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
