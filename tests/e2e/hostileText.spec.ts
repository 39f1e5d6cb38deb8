import { expect, importText, test } from './fixtures'

/** A documentation-only address (TEST-NET-3): any request to it is a leak. */
const REMOTE = 'http://203.0.113.7'

/** Markup that runs script or loads something the moment it is parsed as HTML. */
const hostileMarkup = [
  `<script>window.__pwned = 'script'</script>`,
  `<script src="${REMOTE}/evil.js"></script>`,
  `<img src=x onerror="window.__pwned = 'img'; fetch('${REMOTE}/img')">`,
  `<svg onload="window.__pwned = 'svg'"><image href="${REMOTE}/svg.png"/></svg>`,
  `<a href="javascript:window.__pwned = 'link'">javascript: link</a>`,
  `<iframe src="${REMOTE}/frame" srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>`,
  `<style>@import url(${REMOTE}/import.css); body { background: url(${REMOTE}/bg.png) }</style>`,
  `<link rel="stylesheet" href="${REMOTE}/link.css">`,
  `<object data="${REMOTE}/object"></object><embed src="${REMOTE}/embed">`,
  `<meta http-equiv="refresh" content="0; url=${REMOTE}/refresh">`,
  `<base href="${REMOTE}/"><form action="${REMOTE}/form"><button>Send</button></form>`,
  `<div style="background-image: url(${REMOTE}/style.png)">styled</div>`
]

const files = [
  {
    name: 'hostile.txt',
    text: ['Hostile plain text', '', ...hostileMarkup].join('\n')
  },
  {
    name: 'hostile.md',
    text: [
      '# Hostile markdown',
      '',
      `[a javascript: link](javascript:window.__pwned='md-link')`,
      `![a remote image](${REMOTE}/md.png)`,
      '',
      ...hostileMarkup
    ].join('\n')
  },
  {
    name: 'hostile.html',
    text: [
      '<!doctype html><html><head>',
      '<title>Hostile page &lt;img src=x onerror="window.__pwned=1"&gt;</title>',
      `<meta name="author" content="<script>window.__pwned = 'author'</script>">`,
      ...hostileMarkup,
      '</head><body><article><h1>Hostile page</h1>',
      '<p>The dock workers said the port would stay closed for a second week.</p>',
      ...hostileMarkup.map((markup) => `<p>Before ${markup} after.</p>`),
      '<p>&lt;script&gt;window.__pwned = "escaped"&lt;/script&gt; is shown as text.</p>',
      '</article></body></html>'
    ].join('\n')
  }
]

test('imported hostile text, Markdown and HTML never run script or load anything remote under the production CSP', async ({
  page,
  host
}) => {
  const leaks: string[] = []
  // Every request that is not the web host itself (or data inside the page) is recorded
  // and stopped before it leaves.
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url())
    const local = url.origin === new URL(host.url).origin || url.protocol === 'data:'
    if (local) return route.continue()
    leaks.push(url.href)
    return route.abort()
  })
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(host.url).origin) && !request.url().startsWith('data:'))
      leaks.push(request.url())
  })
  const served = page.waitForResponse((response) => response.url().endsWith('/'))
  await page.goto(host.url)
  // The policy the desktop app's app:// protocol sends too (src/core/contentSecurityPolicy.ts).
  const policy = (await served).headers()['content-security-policy'] ?? ''
  for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'"])
    expect(policy.split('; ')).toContain(directive)
  expect(policy).not.toMatch(/unsafe|\*|http:/)
  await page.evaluate(() => {
    const counted = window as unknown as { __violations: string[] }
    counted.__violations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      counted.__violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    )
  })

  await importText(page, files)
  for (const title of [/Hostile plain text/, /Hostile markdown/, /Hostile page/]) {
    await page.getByRole('row', { name: title }).first().dblclick()
    const pane = page.getByRole('article', { name: title }).first()
    await expect(pane).toBeVisible()
    await expect(pane).toContainText('javascript:')
    // Shown as the characters they are: nothing in the text became an element.
    await expect(
      pane.locator('script, img, svg, iframe, style, link, object, embed, meta, base, form, a')
    ).toHaveCount(0)
    await expect(pane).toContainText(
      title.source === 'Hostile page'
        ? 'The dock workers said the port would stay closed'
        : `<script>window.__pwned = 'script'</script>`
    )
    // Clicking the would-be link does nothing: it is text.
    await pane.getByText('javascript:', { exact: false }).first().click()
  }

  // Give anything that would fire (an error handler, a refresh, a stylesheet) its chance.
  await page.waitForTimeout(500)
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(leaks).toEqual([])
  // Never navigated (the page drops the token from its address once read).
  expect(page.url()).toBe(new URL('/', host.url).href)
  // Nothing the page tried was even refused: the text never became markup at all.
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
  ).toEqual([])
})

test('the production CSP itself refuses what hostile text would need: inline script, eval, remote loads', async ({
  page,
  host
}) => {
  const leaks: string[] = []
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.origin === new URL(host.url).origin) return route.continue()
    leaks.push(url.href)
    return route.abort()
  })
  await page.goto(host.url)
  const refused = await page.evaluate(async (remote) => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.violatedDirective)
    )
    const holder = document.createElement('div')
    // As if a bug let markup through: each of these is blocked by the CSP, not by escaping.
    holder.innerHTML = [
      `<img src="${remote}/img.png" onerror="window.__pwned = 'img'">`,
      `<iframe src="${remote}/frame"></iframe>`,
      `<link rel="stylesheet" href="${remote}/link.css">`,
      `<style>@import url(${remote}/import.css);</style>`
    ].join('')
    document.body.append(holder)
    const script = document.createElement('script')
    script.textContent = `window.__pwned = 'inline'`
    document.body.append(script)
    // Code from a string, compiled by the page later (this function itself runs through
    // DevTools, which the CSP does not govern).
    ;(setTimeout as (code: string) => number)(`window.__pwned = 'eval'`)
    await fetch(`${remote}/fetch`).catch(() => undefined)
    // Each refusal is reported as its own event, some only after the element is laid out:
    // wait for all five (a slow machine can take seconds), then a little for any straggler.
    const expected = ['img-src', 'frame-src', 'style-src-elem', 'script-src-elem', 'connect-src']
    for (let waited = 0; waited < 10_000; waited += 100) {
      if (expected.every((directive) => violations.includes(directive))) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    holder.remove()
    return { violations, pwned: (window as { __pwned?: unknown }).__pwned }
  }, REMOTE)
  expect(refused.pwned).toBeUndefined()
  expect(refused.violations).toEqual(
    expect.arrayContaining([
      'img-src',
      'frame-src',
      'style-src-elem',
      'script-src-elem',
      'connect-src'
    ])
  )
  expect(leaks).toEqual([])
})
