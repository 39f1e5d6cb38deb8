import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/core/import/decodeText'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { ImportRefusal } from '../../../src/core/import/ImportRefusal'
import { tempLibrary } from './tempLibrary'

/**
 * One article per encoding, with the characters that matter for it. `labels` lists what
 * detection may call it: some encodings share every byte of a given text (windows-1253
 * and ISO-8859-7 for Greek without capital accents), and the text is what must be exact.
 */
const FIXTURES: { encoding: string; labels: string[]; text: string }[] = [
  {
    encoding: 'windows-1252',
    labels: ['windows-1252'],
    text: 'Café owners say the strike’s cost — €500, or ½ of revenue — is “huge”.\nDéjà vu for the élite; naïve façades.\n'
  },
  {
    encoding: 'iso-8859-1',
    labels: ['windows-1252'],
    text: 'Le café coûte cher à Paris, où l’on mange très bien. Ça va? ½ prix, garçon!\n'.replace(
      '’',
      "'"
    )
  },
  {
    encoding: 'iso-8859-2',
    labels: ['iso-8859-2'],
    text: 'Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy. Węgierska łódź płynie szybko.\n'
  },
  {
    encoding: 'iso-8859-5',
    labels: ['iso-8859-5'],
    text: 'Съешь же ещё этих мягких французских булок, да выпей чаю. Москва столица России.\n'
  },
  {
    encoding: 'iso-8859-7',
    labels: ['iso-8859-7', 'windows-1253'],
    text: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.\n'
  },
  {
    encoding: 'koi8-r',
    labels: ['koi8-r'],
    // KOI8-R has no em dash.
    text: 'Съешь же ещё этих мягких французских булок, да выпей чаю. Москва - столица России.\n'
  },
  {
    encoding: 'windows-1250',
    labels: ['windows-1250'],
    text: 'Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy – „citace“.\n'
  },
  {
    encoding: 'windows-1251',
    labels: ['windows-1251'],
    text: 'Съешь же ещё этих мягких французских булок, да выпей чаю. Москва — столица России.\n'
  },
  {
    encoding: 'windows-1253',
    labels: ['windows-1253', 'iso-8859-7'],
    text: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.\n'
  },
  {
    encoding: 'windows-1254',
    labels: ['windows-1254'],
    text: 'Pijamalı hasta yağız şoföre çabucak güvendi. İstanbul büyük bir şehirdir.\n'
  },
  {
    encoding: 'windows-1256',
    labels: ['windows-1256'],
    text: 'صِف خَلقَ خَودِ كَمِثلِ الشَمسِ إِذ بَزَغَت. القاهرة مدينة كبيرة جداً.\n'
  },
  {
    encoding: 'shift_jis',
    labels: ['shift_jis'],
    text: '東京は日本の首都です。今日はとても良い天気ですね。私たちは公園で散歩しました。\n'
  },
  {
    encoding: 'euc-jp',
    labels: ['euc-jp'],
    text: '東京は日本の首都です。今日はとても良い天気ですね。私たちは公園で散歩しました。\n'
  },
  {
    encoding: 'gb18030',
    labels: ['gb18030'],
    text: '北京是中华人民共和国的首都。今天天气很好，我们去公园散步了。这是一个测试文件。\n'
  },
  {
    encoding: 'big5',
    labels: ['big5'],
    text: '臺北是中華民國的首都。今天天氣很好，我們去公園散步了。這是一個測試檔案。\n'
  },
  {
    encoding: 'euc-kr',
    labels: ['euc-kr'],
    text: '서울은 대한민국의 수도입니다. 오늘은 날씨가 매우 좋습니다. 우리는 공원에서 산책했습니다.\n'
  }
]

const encode = (text: string, encoding: string): Buffer => iconv.encode(text, encoding)

describe('decodeText detects legacy encodings', () => {
  it.each(FIXTURES)('$encoding decodes exactly', ({ encoding, labels, text }) => {
    const bytes = encode(text, encoding)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const decoded = decodeText(`${encoding}.txt`, bytes)
    expect(decoded.text).toBe(text)
    expect(labels).toContain(decoded.encoding)
    expect(decoded.confidence).toBeGreaterThan(0)
    expect(decoded.confidence).toBeLessThan(1)
  })

  it('decodes every fixture exactly when the user names its encoding', () => {
    for (const { encoding, text } of FIXTURES) {
      const decoded = decodeText('chosen.txt', encode(text, encoding), encoding)
      expect(decoded.text).toBe(text)
      expect(decoded.confidence).toBe(1)
    }
  })

  it('tells ISO-8859-15 from windows-1252 only when the user says so', () => {
    const text = 'Le café coûte 5 € ; l’œuvre est très belle.\n'.replace('’', "'")
    const bytes = encode(text, 'iso-8859-15')
    expect(decodeText('latin9.txt', bytes, 'ISO-8859-15')).toEqual({
      text,
      encoding: 'iso-8859-15',
      confidence: 1
    })
  })

  it('decodes a ten-byte windows-1252 snippet (too short for the detectors) without refusing it', () => {
    const decoded = decodeText('short.txt', encode('Café — é', 'windows-1252'))
    expect(decoded).toMatchObject({ text: 'Café — é', encoding: 'windows-1252' })
  })
})

describe('decodeText: Unicode', () => {
  const text = 'Strike’s cost — €500, ½ off. Москва. 東京. 서울. 😀\n'

  it.each([
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf], 'utf-8', 'utf-8'],
    ['UTF-16LE with BOM', [0xff, 0xfe], 'utf-16le', 'utf-16le'],
    ['UTF-16BE with BOM', [0xfe, 0xff], 'utf-16be', 'utf-16be']
  ] as const)('%s: the BOM is stripped', (_, bom, iconvName, label) => {
    const bytes = Buffer.concat([Buffer.from(bom), encode(text, iconvName)])
    expect(decodeText('bom.txt', bytes)).toEqual({ text, encoding: label, confidence: 1 })
  })

  it.each([
    ['utf-16le', 'Port of Velmora — strike day three.\nВторой день забастовки.\n'],
    ['utf-16be', 'Port of Velmora — strike day three.\nВторой день забастовки.\n']
  ])(
    '%s without BOM is recognised by its NUL pattern, not refused as binary',
    (encoding, sample) => {
      const decoded = decodeText('nobom.txt', encode(sample, encoding))
      expect(decoded.text).toBe(sample)
      expect(decoded.encoding).toBe(encoding)
    }
  )

  it('refuses ASCII text with stray NUL bytes, naming the first, instead of reading it as UTF-16', () => {
    // A NUL every 28 bytes, always at an odd offset: the one-sided pattern of UTF-16LE.
    const bytes = Buffer.from('hello world\0 this has a nul\n'.repeat(3), 'latin1')
    expect(() => decodeText('nul.txt', bytes)).toThrow(
      /nul\.txt: this looks like a binary file \(it contains NUL bytes, the first at byte 11\)\. If it is text in UTF-16/
    )
    // Japanese in UTF-16LE has few NULs, but bytes outside printable ASCII: still UTF-16.
    const japanese = '港湾労働者のストライキは三日目に入った。約二千四百人が参加した。'
    const decoded = decodeText('ja.txt', encode(`${japanese} 2,400\n`, 'utf-16le'))
    expect(decoded).toMatchObject({ text: `${japanese} 2,400\n`, encoding: 'utf-16le' })
  })

  it('strict UTF-8 is certain', () => {
    expect(decodeText('plain.txt', Buffer.from(text, 'utf8'))).toEqual({
      text,
      encoding: 'utf-8',
      confidence: 1
    })
  })

  it('refuses UTF-16 with a BOM but an odd byte count, instead of inventing a U+FFFD', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      encode('abc', 'utf-16le'),
      Buffer.from([0x41])
    ])
    expect(() => decodeText('odd.txt', bytes)).toThrow(
      expect.objectContaining({ reason: 'not_decodable' })
    )
  })
})

describe('decodeText: invalid UTF-8 never becomes U+FFFD', () => {
  it.each([
    ['a lone 0xFF', [0x61, 0xff, 0x62]],
    ['a lone continuation byte', [0x61, 0x80, 0x62]],
    ['an overlong C0 AF', [0x61, 0xc0, 0xaf, 0x62]],
    ['a truncated 4-byte sequence', [0x61, 0xf0, 0x9f, 0x98]]
  ])('%s: a legacy encoding decodes every byte, or the file is refused', (_, bytes) => {
    const buffer = Buffer.from(bytes)
    let decoded
    try {
      decoded = decodeText('bad.txt', buffer)
    } catch (error) {
      expect(error).toBeInstanceOf(ImportRefusal)
      expect((error as ImportRefusal).reason).toBe('not_decodable')
      return
    }
    expect(decoded.text).not.toContain('\uFFFD')
    expect(decoded.encoding).not.toBe('utf-8')
    expect(decoded.confidence).toBeLessThan(1)
    expect(iconv.encode(decoded.text, decoded.encoding).equals(buffer)).toBe(true)
  })

  it.each([
    [
      'one stray byte',
      Buffer.concat([
        Buffer.from('Le ministre a déclaré « nous agirons » ; l’opposition.'),
        Buffer.from([0xe9, 0x0a])
      ]),
      Buffer.byteLength('Le ministre a déclaré « nous agirons » ; l’opposition.')
    ],
    [
      'a file cut short mid-character',
      Buffer.from('Министр заявил, что забастовка продлится неделю.').subarray(0, -2),
      Buffer.byteLength('Министр заявил, что забастовка продлится неделю.') - 3
    ]
  ])(
    'refuses UTF-8 with %s, naming the byte, instead of garbling it as a legacy encoding',
    (_, bytes, offset) => {
      expect(() => decodeText('cut.txt', bytes)).toThrow(
        new RegExp(
          `cut\\.txt: the file is UTF-8, but 1 byte sequence in it is not \\(at byte ${offset}\\)`
        )
      )
      // Named by the analyst, a legacy encoding still decodes it as that.
      expect(decodeText('cut.txt', bytes, 'koi8-r').encoding).toBe('koi8-r')
    }
  )

  it('still reads legacy files whose letters happen to form a few UTF-8 sequences', () => {
    // "É”" is C9 94 in windows-1252: valid UTF-8 for one character, among many bad bytes.
    const text = 'CAFÉ” — déjà vu, café crème, à la française, élève, où, naïve. '.repeat(3)
    const decoded = decodeText('legacy.txt', iconv.encode(text, 'windows-1252'))
    expect(decoded.text).toBe(text)
    const chinese = '港口罢工会持续多久？发言人说，工人们要求提高工资百分之十二。'.repeat(5)
    expect(decodeText('gb.txt', iconv.encode(chinese, 'gb18030')).text).toBe(chinese)
  })

  it('refuses invalid UTF-8 after a UTF-8 BOM, with the offsets of the bad bytes', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62, 0xc0, 0xaf])
    expect(() => decodeText('bom-bad.txt', bytes)).toThrow(
      /bom-bad\.txt: 3 byte sequences are not valid UTF-8 \(first at byte 4, 6, 7\)/
    )
  })

  it('refuses bytes the chosen encoding cannot decode', () => {
    expect(() => decodeText('x.txt', Buffer.from([0x61, 0xff]), 'utf-8')).toThrow(
      expect.objectContaining({ reason: 'not_decodable' })
    )
    // 0x81 has no character in windows-1252.
    expect(() => decodeText('x.txt', Buffer.from([0x61, 0x81]), 'windows-1252')).toThrow(
      /x\.txt: the bytes are not valid windows-1252/
    )
  })

  it('refuses an unknown encoding name with a clear message', () => {
    expect(() => decodeText('x.txt', Buffer.from('abc'), 'klingon-8')).toThrow(
      expect.objectContaining({
        reason: 'unknown_encoding',
        message: expect.stringContaining('"klingon-8" is not an encoding Dossier knows')
      })
    )
  })

  it('accepts encoding aliases and reports the standard name', () => {
    const bytes = encode('Grüße — €', 'windows-1252')
    expect(decodeText('x.txt', bytes, 'cp1252').encoding).toBe('windows-1252')
    expect(decodeText('x.txt', encode('東京', 'shift_jis'), 'SJIS').encoding).toBe('shift_jis')
  })
})

describe('legacy-encoded files imported into a real library', () => {
  let env: Awaited<ReturnType<typeof tempLibrary>>
  beforeAll(async () => {
    env = await tempLibrary()
  })
  afterAll(() => env.cleanup())

  it('stores every fixture exactly, records its encoding and the hash of its bytes, and survives a reopen', async () => {
    const paths = await Promise.all(
      FIXTURES.map(async ({ encoding, text }, i) => {
        const path = join(env.dir, `${String(i).padStart(2, '0')}-${encoding}.txt`)
        // Each fixture gets its own first line so no two share an article id.
        await writeFile(path, encode(`Fixture ${i}\n${text}`, encoding))
        return path
      })
    )
    const outcomes = await importPathSources(env.library, paths)
    expect(outcomes.map((o) => o.status)).toEqual(FIXTURES.map(() => 'imported'))
    const library = await env.reopen()
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status !== 'imported') continue
      const { encoding, labels, text } = FIXTURES[i]!
      const article = await library.getArticle(outcome.article.id)
      expect(article.text).toBe(`Fixture ${i}\n${text}`)
      expect(labels).toContain(article.origin.encoding)
      expect(article.origin.byteLength).toBe(encode(`Fixture ${i}\n${text}`, encoding).length)
      expect(article.origin.filePath).toBe(paths[i])
      expect(article.title).toBe(`Fixture ${i}`)
    }
  })
})
