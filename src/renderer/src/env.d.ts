/// <reference types="vite/client" />
import type { WindowApi } from '../../shared/hostEvents'

declare global {
  interface Window {
    api: WindowApi
  }
}
