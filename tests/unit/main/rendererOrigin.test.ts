import { describe, expect, it } from 'vitest'
import { devServerUrlFor, isTrustedSenderUrl, isWebUrl } from '../../../src/main/security'

describe('devServerUrlFor (ELECTRON_RENDERER_URL)', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }

  it('is ignored by any build but a development one, so IPC trusts app:// alone', () => {
    const url = devServerUrlFor(false, env)
    expect(url).toBeUndefined()
    expect(isTrustedSenderUrl('http://localhost:5173/', url)).toBe(false)
    expect(isTrustedSenderUrl('app://bundle/index.html', url)).toBe(true)
  })

  it('is honoured by a development build, and then that origin is trusted', () => {
    const url = devServerUrlFor(true, env)
    expect(url).toBe('http://localhost:5173')
    expect(isTrustedSenderUrl('http://localhost:5173/', url)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', url)).toBe(false)
  })

  it.each([
    'https://evil.example',
    'http://192.168.1.20:5173',
    'http://localhost.evil.example:5173',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'not a url'
  ])('is ignored even in development when it names %s', (value) => {
    expect(devServerUrlFor(true, { ELECTRON_RENDERER_URL: value })).toBeUndefined()
  })

  it('is undefined when the variable is not set', () => {
    expect(devServerUrlFor(true, {})).toBeUndefined()
  })
})

describe('isWebUrl (what shell.openExternal may open)', () => {
  it.each(['https://example.com/a?b#c', 'http://example.com', 'HTTPS://EXAMPLE.COM/'])(
    'accepts %s',
    (url) => expect(isWebUrl(url)).toBe(true)
  )

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'smb://host/share',
    'ms-settings:',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'app://bundle/index.html',
    '//evil.example/',
    'https//missing-colon.example',
    ''
  ])('refuses %j', (url) => expect(isWebUrl(url)).toBe(false))
})
