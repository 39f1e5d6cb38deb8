import type { Browser } from '@playwright/test'
import { chromium } from '@playwright/test'
import { CHROMIUM_PATH } from './runScenario'
import type { BenchContext } from './Scenario'

/** Software raster and no background traffic, so the figures are the page's own work. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run'
]

/** Debian's Chromium, headless, as every browser scenario runs it. */
export function launchChromium(context: BenchContext): Promise<Browser> {
  return chromium.launch({
    executablePath: context.chromiumPath ?? CHROMIUM_PATH,
    args: CHROMIUM_ARGS
  })
}
