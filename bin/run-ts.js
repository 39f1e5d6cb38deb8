#!/usr/bin/env node
// Runs a TypeScript entry point (benchmarks, scripts) with tsx: node bin/run-ts.js FILE.ts ARGS…
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const [entry, ...rest] = process.argv.slice(2)
process.argv = [process.argv[0], resolve(entry), ...rest]
await import(pathToFileURL(resolve(entry)).href)
