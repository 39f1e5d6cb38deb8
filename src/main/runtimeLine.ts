/**
 * `Electron 45.5.0, Chromium 140.…, Node 22.…; linux x64`: what a bug report needs to
 * know of the runtime. Without Electron (the main process run on Node in tests), just Node.
 */
export function runtimeLine(versions: NodeJS.ProcessVersions = process.versions): string {
  const parts = [
    versions.electron && `Electron ${versions.electron}`,
    versions.chrome && `Chromium ${versions.chrome}`,
    `Node ${versions.node}`
  ].filter(Boolean)
  return `${parts.join(', ')}; ${process.platform} ${process.arch}`
}
