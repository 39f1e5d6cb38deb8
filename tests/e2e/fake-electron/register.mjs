// node --import ./register.mjs out/main/index.js: resolves `electron` to the stand-in.
import { register } from 'node:module'

register('./loader.mjs', import.meta.url)
