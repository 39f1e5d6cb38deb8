import { homedir } from 'node:os'
import { join } from 'node:path'

/** The product name Electron uses for its userData folder. */
export const APP_NAME = 'Dossier'

/**
 * The folder Electron's `app.getPath('userData')` gives the desktop app, computed the
 * same way so the CLI and the web host open the same library.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOSSIER_DATA) return env.DOSSIER_DATA
  const home = homedir()
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
  }
}
