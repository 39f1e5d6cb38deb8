import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createHttpApi, takeToken } from './transport/createHttpApi'
import './styles.css'

// In Electron the preload has put `window.api` there; in a browser we talk HTTP.
const hasApi = (): boolean => (window as { api?: unknown }).api !== undefined
if (!hasApi()) {
  const token = takeToken()
  if (token) window.api = createHttpApi(token)
}

const root = createRoot(document.getElementById('root')!)
root.render(
  <StrictMode>
    {hasApi() ? (
      <App />
    ) : (
      <main className="fatal" role="alert">
        <h1>Dossier needs its access token</h1>
        <p>
          Open the full address that <code>npm run web</code> printed, including the part after #.
        </p>
      </main>
    )}
  </StrictMode>
)
