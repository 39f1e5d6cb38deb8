import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { ImportRefusal } from '../../../src/core/import/ImportRefusal'
import type { ImportSource } from '../../../src/core/import/prepareArticle'
import { prepareArticle } from '../../../src/core/import/prepareArticle'
import { sha256 } from '../../../src/core/store/sha256'

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')
const prepare = (name: string, bytes: Uint8Array, extra: Partial<ImportSource> = {}) =>
  prepareArticle({ name, bytes, ...extra }).article

function refusalOf(name: string, bytes: Uint8Array): ImportRefusal {
  try {
    prepareArticle({ name, bytes })
  } catch (error) {
    if (error instanceof ImportRefusal) return error
    throw error
  }
  throw new Error(`${name} was not refused`)
}

describe('line endings', () => {
  it.each([
    ['CRLF', 'One\r\nTwo\r\n\r\nThree\r\n'],
    ['lone CR', 'One\rTwo\r\rThree\r'],
    ['mixed', 'One\r\nTwo\n\rThree\r\n'],
    ['LINE SEPARATOR', 'One\u2028Two\n\nThree\n']
  ])('%s become LF', (_, text) => {
    expect(prepare('a.txt', utf8(text)).text).toBe('One\nTwo\n\nThree\n')
  })

  it('turns PARAGRAPH SEPARATOR into a blank line and keeps form feeds', () => {
    expect(prepare('a.txt', utf8('One\u2029Two\fThree')).text).toBe('One\n\nTwo\fThree')
  })

  it('gives CRLF and LF copies of the same article the same identity', () => {
    const a = prepare('a.txt', utf8('Title\r\nBody text.\r\n'))
    const b = prepare('b.txt', utf8('Title\nBody text.\n'))
    expect(sha256(a.text)).toBe(sha256(b.text))
    expect(a.origin.byteSha256).not.toBe(b.origin.byteSha256)
  })
})

describe('evidence and titles', () => {
  it('records the bytes, encoding, file and format', () => {
    const bytes = iconv.encode('Café — “quoted”.\r\nSecond line.\r\n', 'windows-1252')
    const modifiedAt = new Date('2024-05-01T12:00:00Z')
    const article = prepare('reports/notes.txt', bytes, {
      path: '/data/reports/notes.txt',
      modifiedAt
    })
    expect(article.text).toBe('Café — “quoted”.\nSecond line.\n')
    expect(article.origin).toMatchObject({
      kind: 'file',
      fileName: 'notes.txt',
      filePath: '/data/reports/notes.txt',
      byteSha256: sha256(bytes),
      byteLength: bytes.length,
      encoding: 'windows-1252',
      format: 'text',
      modifiedAt: '2024-05-01T12:00:00.000Z',
      importerVersion: '2'
    })
    expect(article.origin.encodingConfidence).toBeGreaterThan(0)
    expect(article.origin.encodingConfidence).toBeLessThan(1)
  })

  it('takes a headline-like first line as title, else the file name', () => {
    expect(prepare('x.txt', utf8('\n\n  Strike Enters Third Day  \nBody.')).fields.title).toBe(
      'Strike Enters Third Day'
    )
    expect(
      prepare('dock-report.txt', utf8('This is a sentence, not a headline.\n')).fields.title
    ).toBe('dock-report')
    expect(prepare('README', utf8('ends with a colon:\nbody')).fields.title).toBe('README')
  })
})

describe('Markdown front matter', () => {
  it('fills the metadata and is not part of the text', () => {
    const md = [
      '---',
      'title: "Harbor strike: day three"',
      'source: Velmora Times',
      'author: [Ana Ruiz, Tom Bell]',
      'date: 2024-03-05',
      'url: https://example.org/strike',
      'tags: [labour, ports, labour]',
      'unknown: ignored',
      '---',
      '# Harbor strike',
      '',
      'Dock workers walked out.',
      ''
    ].join('\r\n')
    const article = prepare('strike.md', utf8(md))
    expect(article.text).toBe('# Harbor strike\n\nDock workers walked out.\n')
    expect(article.fields).toEqual({
      title: 'Harbor strike: day three',
      source: 'Velmora Times',
      author: 'Ana Ruiz, Tom Bell',
      publishedAt: '2024-03-05',
      url: 'https://example.org/strike',
      tags: ['labour', 'ports']
    })
    expect(article.origin.format).toBe('markdown')
  })

  it('reads comma-separated tags and falls back to the heading for a title', () => {
    const article = prepare('n.markdown', utf8('---\ntags: a, b ,c\n---\n# The Heading\nText.\n'))
    expect(article.fields).toEqual({ title: 'The Heading', tags: ['a', 'b', 'c'] })
  })

  it('keeps a block that is not valid YAML in the text, with a notice', () => {
    const md = '---\ntitle: [unclosed\n---\nBody text here.\n'
    const prepared = prepareArticle({ name: 'bad.md', bytes: utf8(md) })
    expect(prepared.article.text).toBe(md)
    expect(prepared.notices).toEqual([expect.stringContaining('not valid YAML')])
  })

  it('keeps a leading rule that is not front matter', () => {
    const md = '---\nJust a sentence between two rules.\n---\nBody.\n'
    const prepared = prepareArticle({ name: 'rule.md', bytes: utf8(md) })
    expect(prepared.article.text).toBe(md)
  })

  it('refuses a file with front matter and no text', () => {
    expect(refusalOf('only-meta.md', utf8('---\ntitle: Nothing\n---\n\n')).reason).toBe('empty')
  })

  it('keeps metadata within the limits the index validates', () => {
    const article = prepare('long.md', utf8(`---\ntitle: ${'x'.repeat(5000)}\n---\nBody.\n`))
    expect(article.fields.title).toHaveLength(1000)
  })
})

describe('HTML', () => {
  const hostile = `<!doctype html><html><head><meta charset="utf-8">
<title>Harbor strike | Velmora Times</title>
<meta property="og:site_name" content="Velmora Times"><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>window.stolen = document.cookie; alert('head')</script>
<style>body { background: url(javascript:alert('css')) }</style></head>
<body onload="alert('onload')"><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Harbor strike enters third day</h1>
<p>Dock workers <b>walked</b> out on Monday — the third day.<script>alert('inline')</script></p>
<img src="x" onerror="alert('onerror')" alt="">
<iframe src="javascript:alert('iframe')">iframe fallback text</iframe>
<p onclick="alert('onclick')">Second paragraph: café, €, ½ and <a href="javascript:alert('link')">a link</a>.</p>
<svg onload="alert('svg')"><script>alert('svg script')</script></svg>
<noscript><img src=x onerror="alert('noscript')"></noscript>
<p>Third paragraph, long enough to count as prose for the reader view, about cranes, ships,<br>and the union’s demands &amp; the port’s reply &lt;script&gt; as quoted text.</p>
</article><footer>Copyright</footer></body></html>`

  it('keeps the readable article as plain text with metadata, and no script or handler', () => {
    const article = prepare('strike.html', utf8(hostile))
    expect(article.origin.format).toBe('html')
    expect(article.fields).toMatchObject({
      title: 'Harbor strike | Velmora Times',
      author: 'Ana Ruiz',
      source: 'Velmora Times',
      publishedAt: '2024-03-05T10:00:00Z'
    })
    expect(article.text).toContain('Dock workers walked out on Monday — the third day.')
    expect(article.text).toContain('Second paragraph: café, €, ½ and a link.')
    expect(article.text).toContain(
      'ships,\nand the union’s demands & the port’s reply <script> as quoted text.'
    )
    expect(article.text).toMatch(/third day\.\n\nSecond paragraph/)
    for (const banned of [
      'alert',
      'cookie',
      'onerror',
      'onclick',
      'javascript:',
      'iframe fallback',
      'background',
      '<p',
      '<b>'
    ]) {
      expect(article.text).not.toContain(banned)
    }
  })

  it('reads a legacy page in the encoding its meta tag declares', () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Новости</title></head><body><p>Москва — столица России. Съешь же ещё этих мягких французских булок.</p></body></html>'
    const article = prepare('news.htm', iconv.encode(page, 'windows-1251'))
    expect(article.origin.encoding).toBe('windows-1251')
    expect(article.origin.encodingConfidence).toBe(1)
    expect(article.text).toBe(
      'Москва — столица России. Съешь же ещё этих мягких французских булок.'
    )
  })

  it('refuses a page with no text', () => {
    expect(
      refusalOf(
        'empty.html',
        utf8('<html><body><script>alert(1)</script><img src=x></body></html>')
      ).reason
    ).toBe('empty')
  })
})

describe('refusals', () => {
  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'PNG image'],
    ['PDF', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1')], 'PDF file'],
    [
      'ZIP',
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0],
      'ZIP archive (as are .docx, .xlsx and .epub files)'
    ],
    ['ELF', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 'Linux executable (ELF)'],
    ['GIF', [...Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')], 'GIF image'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46], 'JPEG image']
  ])('a %s renamed .txt is refused as what it looks like', (_, bytes, type) => {
    const refusal = refusalOf('photo.txt', Buffer.from(bytes))
    expect(refusal.reason).toBe('binary')
    expect(refusal.message).toBe(`photo.txt: this looks like a ${type}, not text.`)
  })

  it('names the apparent type of an unsupported extension', () => {
    expect(refusalOf('report.pdf', Buffer.from('%PDF-1.4\n')).message).toBe(
      'report.pdf: this looks like a PDF file, not text.'
    )
    const refusal = refusalOf('data.csv', utf8('a,b\n1,2\n'))
    expect(refusal.reason).toBe('unsupported_type')
    expect(refusal.message).toMatch(/^data\.csv: "\.csv" files are not supported/)
  })

  it('refuses text with scattered NUL bytes, even after the first 512 bytes', () => {
    const early = utf8('Some text\0 with\0 NULs\0 scattered\0 about.')
    expect(refusalOf('nul.txt', early).reason).toBe('binary')
    const late = Buffer.concat([utf8('x'.repeat(2000)), Buffer.from([0]), utf8('tail')])
    expect(refusalOf('late.txt', late).reason).toBe('binary')
  })

  it('refuses text full of control codes', () => {
    expect(
      refusalOf('ctl.txt', Buffer.from([0x41, 0x01, 0x02, 0x03, 0x42, 0x04, 0x05])).reason
    ).toBe('binary')
  })

  it.each([
    ['zero bytes', []],
    ['only white space', [...utf8(' \r\n\t \n\u00a0')]],
    ['only a UTF-8 BOM', [0xef, 0xbb, 0xbf]],
    ['only a UTF-16 BOM', [0xff, 0xfe]],
    ['a BOM and white space', [0xef, 0xbb, 0xbf, 0x20, 0x0a]]
  ])('refuses %s as empty', (_, bytes) => {
    const refusal = refusalOf('blank.txt', Buffer.from(bytes))
    expect(refusal.reason).toBe('empty')
    expect(refusal.message).toMatch(/^blank\.txt: /)
  })
})
