import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    // Bundle every dependency into main: lowdb is ESM-only, and a self-contained
    // main bundle is what the installer ships.
    build: {
      externalizeDeps: false,
      // The CLI ships built beside the desktop main process: one bundle, no TypeScript at run
      // time. Its commands import their code lazily, so each is a chunk of its own. The
      // attribution finder's worker runs its own module's file, so that module is an entry.
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/main.ts'),
          attributionWorker: resolve('src/core/attribution/findAttributionsOffThread.ts')
        }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      // Sandboxed preloads must be CommonJS; package.json says "type": "module".
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { outDir: resolve('out/renderer') },
    plugins: [react()]
  }
})
