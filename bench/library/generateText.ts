import { SeededRandom } from './SeededRandom'

export type Script = 'latin' | 'cyrillic' | 'arabic' | 'cjk'

/** Primary script of an article; every paragraph may still switch to another one. */
const SCRIPT_WEIGHTS: ReadonlyArray<[Script, number]> = [
  ['latin', 0.5],
  ['cyrillic', 0.18],
  ['arabic', 0.12],
  ['cjk', 0.2]
]
const FOREIGN_PARAGRAPH_CHANCE = 0.15
const EMOJI_CHANCE = 0.01
const POOL_SIZE = 3000

const LATIN_SYLLABLES =
  'ka lo ver tion stra mi de re an qu ell ous pro ber sa ti on ment gar ri fé ü ß ñ ø'.split(' ')
const CYRILLIC_SYLLABLES = 'ра ст ов ени про ко ли же ный ть ва мо де ри зна по ло ще ю я ё'.split(
  ' '
)
const ARABIC_LETTERS = 'ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ة'.split(' ')
/** Single code points, a skin-tone modifier, a flag and a ZWJ family: all multi-unit in UTF-16. */
const EMOJI = ['🙂', '🚀', '📰', '🔥', '👍🏽', '🇺🇦', '👨‍👩‍👧', '✅', '🤔']

interface Word {
  text: string
  bytes: number
}

const pools = new Map<Script, Word[]>()

function wordPool(script: Script): Word[] {
  let pool = pools.get(script)
  if (!pool) {
    const random = new SeededRandom(script.length * 7919 + script.charCodeAt(0))
    pool = Array.from({ length: POOL_SIZE }, () => {
      const text = makeWord(random, script)
      return { text, bytes: Buffer.byteLength(text) }
    })
    pools.set(script, pool)
  }
  return pool
}

function makeWord(random: SeededRandom, script: Script): string {
  const repeat = (count: number, part: () => string): string =>
    Array.from({ length: count }, part).join('')
  switch (script) {
    case 'latin':
      return repeat(random.int(1, 4), () => random.pick(LATIN_SYLLABLES))
    case 'cyrillic':
      return repeat(random.int(1, 4), () => random.pick(CYRILLIC_SYLLABLES))
    case 'arabic':
      return (
        (random.chance(0.3) ? 'ال' : '') +
        repeat(random.int(2, 6), () => random.pick(ARABIC_LETTERS))
      )
    case 'cjk': {
      if (random.chance(0.1))
        return repeat(random.int(2, 5), () => codePointIn(random, 0x3041, 0x3096))
      // CJK Extension B lies outside the BMP: surrogate pairs, as real Chinese text has.
      if (random.chance(0.02)) return codePointIn(random, 0x20000, 0x2a6df)
      return repeat(random.int(1, 4), () => codePointIn(random, 0x4e00, 0x9fa5))
    }
  }
}

function codePointIn(random: SeededRandom, first: number, last: number): string {
  return String.fromCodePoint(random.int(first, last))
}

function pickScript(random: SeededRandom): Script {
  let roll = random.next()
  for (const [script, weight] of SCRIPT_WEIGHTS) {
    roll -= weight
    if (roll < 0) return script
  }
  return 'latin'
}

/** Words joined the way the script writes them; returns the text and its UTF-8 size. */
function sentence(random: SeededRandom, script: Script, wordCount: number): Word {
  const pool = wordPool(script)
  const cjk = script === 'cjk'
  const words: string[] = []
  let bytes = 0
  for (let i = 0; i < wordCount; i++) {
    const word = random.chance(EMOJI_CHANCE)
      ? { text: random.pick(EMOJI), bytes: 8 }
      : random.pick(pool)
    words.push(word.text)
    bytes += word.bytes + (cjk ? 0 : 1)
    if (i > 2 && i < wordCount - 2 && random.chance(0.08))
      words.push(cjk ? '，' : script === 'arabic' ? '،' : ',')
  }
  let text = words.join(cjk ? '' : ' ')
  if (script === 'latin' || script === 'cyrillic')
    text = text.charAt(0).toUpperCase() + text.slice(1)
  text += cjk ? '。' : '.'
  return { text, bytes: bytes + 3 }
}

/** Prose of about `targetBytes` of UTF-8, in paragraphs, opening with a title line. */
export function generateArticleText(
  random: SeededRandom,
  targetBytes: number
): { text: string; title: string; script: Script } {
  const script = pickScript(random)
  const title = sentence(random, script, random.int(4, 10)).text.slice(0, -1)
  const paragraphs = [title]
  let bytes = Buffer.byteLength(title)
  while (bytes < targetBytes) {
    const paragraphScript = random.chance(FOREIGN_PARAGRAPH_CHANCE) ? pickScript(random) : script
    const sentences: string[] = []
    for (let count = random.int(2, 7); count > 0 && bytes < targetBytes; count--) {
      const next = sentence(random, paragraphScript, random.int(6, 22))
      sentences.push(next.text)
      bytes += next.bytes
    }
    paragraphs.push(sentences.join(paragraphScript === 'cjk' ? '' : ' '))
    bytes += 2
  }
  return { text: paragraphs.join('\n\n'), title, script }
}

/** A note an analyst might type: a few sentences in the given script. */
export function generateNote(random: SeededRandom, script: Script, sentences: number): string {
  return Array.from(
    { length: sentences },
    () => sentence(random, script, random.int(5, 16)).text
  ).join(' ')
}
