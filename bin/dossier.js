#!/usr/bin/env node
// The `dossier` command. It runs the built CLI (out/main/cli.js, made by `npm run build` and
// on `npm install`); from a checkout without a build, or with DOSSIER_FROM_SOURCES=1 while
// developing, it runs the TypeScript sources through tsx instead.
import { existsSync } from 'node:fs'

const built = new URL('../out/main/cli.js', import.meta.url)
if (process.env.DOSSIER_FROM_SOURCES !== '1' && existsSync(built)) {
  const { main } = await import(built.href)
  await main(process.argv)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import('../src/cli/main.ts')
  await main(process.argv)
}
