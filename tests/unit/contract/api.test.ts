import { describe, expect, it } from 'vitest'
import type { ApiHandlers, MethodName } from '../../../src/shared/api'
import { contract, methodNames } from '../../../src/shared/api'
import { MAX_AMONG_IDS } from '../../../src/shared/articleWindow'
import { EMPTY_DOC, plainToDoc } from '../../../src/shared/richText'

const id = 'a1b2c3d4e5f60718'
const huge = 'x'.repeat(1_000_001)
/** A note deeper than any an analyst writes. */
const deep = Array.from({ length: 10_000 }).reduce<object>(
  (inner) => ({ type: 'blockquote', content: [inner] }),
  { type: 'paragraph' }
)

/** Payloads the contract must accept. */
const valid: Partial<Record<MethodName, unknown>> = {
  getHostInfo: {},
  listArticles: { trash: true },
  listArticleWindow: {
    trash: true,
    sort: 'publishedAt',
    descending: true,
    filter: 'harbour',
    tag: 'port',
    offset: 200,
    limit: 1000
  },
  listArticleIds: { sort: 'title', among: [id], offset: 0, limit: 10 },
  getArticleRows: { ids: [id] },
  getArticle: { id },
  importFiles: { files: [{ name: 'a.txt', dataBase64: 'aGVsbG8=', lastModified: 1 }] },
  importFromDialog: {},
  updateArticle: { id, fields: { title: 'New title', tags: ['x'] } },
  deleteArticles: { ids: [id] },
  restoreArticles: { ids: [id] },
  emptyTrash: {},
  listAnnotations: { articleId: id },
  createAnnotation: { articleId: id, start: 0, end: 5, color: 1, note: plainToDoc('n') },
  updateAnnotation: { articleId: id, id: 'note-1', color: 6, note: EMPTY_DOC },
  deleteAnnotation: { articleId: id, id: 'note-1' }
}

/** Payloads each method must refuse, with the field the error must name. */
/** One id more than `listArticleIds` checks in a call. */
const amongPast = Array.from({ length: MAX_AMONG_IDS + 1 }, () => id)

const invalid: [MethodName, string, unknown, string][] = [
  ['getHostInfo', 'extra key', { bogus: 1 }, 'bogus'],
  ['listArticles', 'wrong type', { trash: 'yes' }, 'trash'],
  ['listArticles', 'extra key', { trash: true, page: 2 }, 'page'],
  ['listArticleWindow', 'no limit', { offset: 0 }, 'limit'],
  ['listArticleWindow', 'a window too big', { offset: 0, limit: 1001 }, 'limit'],
  ['listArticleWindow', 'negative offset', { offset: -1, limit: 10 }, 'offset'],
  ['listArticleWindow', 'unknown column', { sort: 'text', offset: 0, limit: 10 }, 'sort'],
  ['listArticleIds', 'empty id among', { among: [''] }, 'among.0'],
  ['listArticleIds', 'a limit above its cap', { limit: 100_000_001 }, 'limit'],
  ['listArticleIds', 'among above its cap', { among: amongPast }, 'among'],
  ['listArticleIds', 'a filter above 1,000 characters', { filter: 'x'.repeat(1001) }, 'filter'],
  ['listArticleIds', 'a tag above 200 characters', { tag: 'x'.repeat(201) }, 'tag'],
  ['getArticleRows', 'no ids', { ids: [] }, 'ids'],
  ['getArticle', 'missing id', {}, 'id'],
  ['getArticle', 'empty id', { id: '' }, 'id'],
  ['getArticle', 'id of a number', { id: 42 }, 'id'],
  ['getArticle', 'huge id', { id: 'x'.repeat(129) }, 'id'],
  ['getArticle', 'not an object', 'a1b2', '(input)'],
  ['importFiles', 'no files', { files: [] }, 'files'],
  ['importFiles', 'missing bytes', { files: [{ name: 'a.txt' }] }, 'files.0.dataBase64'],
  ['importFiles', 'empty name', { files: [{ name: '', dataBase64: '' }] }, 'files.0.name'],
  ['importFiles', 'huge name', { files: [{ name: huge, dataBase64: '' }] }, 'files.0.name'],
  ['importFiles', 'files not an array', { files: 'a.txt' }, 'files'],
  ['importFromDialog', 'extra key', { paths: ['/etc/passwd'] }, 'paths'],
  ['updateArticle', 'missing fields', { id }, 'fields'],
  ['updateArticle', 'blank title', { id, fields: { title: '   ' } }, 'fields.title'],
  ['updateArticle', 'unknown field', { id, fields: { textSha256: 'ff' } }, 'textSha256'],
  ['updateArticle', 'huge title', { id, fields: { title: huge } }, 'fields.title'],
  ['deleteArticles', 'no ids', { ids: [] }, 'ids'],
  ['deleteArticles', 'id of a number', { ids: [1] }, 'ids.0'],
  ['restoreArticles', 'missing ids', {}, 'ids'],
  ['emptyTrash', 'extra key', { force: true }, 'force'],
  ['listAnnotations', 'missing articleId', {}, 'articleId'],
  ['createAnnotation', 'end equal to start', { articleId: id, start: 3, end: 3, color: 1 }, 'end'],
  ['createAnnotation', 'end before start', { articleId: id, start: 9, end: 3, color: 1 }, 'end'],
  ['createAnnotation', 'colour 7', { articleId: id, start: 0, end: 3, color: 7 }, 'color'],
  ['createAnnotation', 'colour 0', { articleId: id, start: 0, end: 3, color: 0 }, 'color'],
  ['createAnnotation', 'colour as text', { articleId: id, start: 0, end: 3, color: '1' }, 'color'],
  ['createAnnotation', 'negative start', { articleId: id, start: -1, end: 3, color: 1 }, 'start'],
  ['createAnnotation', 'fractional end', { articleId: id, start: 0, end: 2.5, color: 1 }, 'end'],
  ['createAnnotation', 'missing colour', { articleId: id, start: 0, end: 3 }, 'color'],
  ['createAnnotation', 'missing articleId', { start: 0, end: 3, color: 1 }, 'articleId'],
  [
    'createAnnotation',
    'huge note',
    { articleId: id, start: 0, end: 3, color: 1, note: huge },
    'note'
  ],
  [
    'createAnnotation',
    'a note 10,000 levels deep',
    { articleId: id, start: 0, end: 3, color: 1, note: { type: 'doc', content: [deep] } },
    'note'
  ],
  [
    'createAnnotation',
    'a javascript: link in a note',
    {
      articleId: id,
      start: 0,
      end: 3,
      color: 1,
      note: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]
              }
            ]
          }
        ]
      }
    },
    'note.content.0.content.0'
  ],
  [
    'createAnnotation',
    'an image in a note',
    {
      articleId: id,
      start: 0,
      end: 3,
      color: 1,
      note: { type: 'doc', content: [{ type: 'image', attrs: { src: 'http://x/y.png' } }] }
    },
    'note.content.0'
  ],
  [
    'createAnnotation',
    'client-supplied quote',
    { articleId: id, start: 0, end: 3, color: 1, quote: 'forged' },
    'quote'
  ],
  ['updateAnnotation', 'missing id', { articleId: id, note: 'x' }, 'id'],
  ['updateAnnotation', 'colour 7', { articleId: id, id: 'n', color: 7 }, 'color'],
  ['updateAnnotation', 'note of a number', { articleId: id, id: 'n', note: 5 }, 'note'],
  ['updateAnnotation', 'huge note', { articleId: id, id: 'n', note: huge }, 'note'],
  ['deleteAnnotation', 'missing articleId', { id: 'n' }, 'articleId'],
  ['deleteAnnotation', 'extra key', { articleId: id, id: 'n', all: true }, 'all']
]

describe('the API contract', () => {
  it.each(Object.entries(valid))('accepts a well-formed %s payload', (name, payload) => {
    expect(contract[name as MethodName].input.safeParse(payload).success).toBe(true)
  })

  // These run over every method, so a method added later is held to them too.
  it.each(methodNames)('%s refuses an unknown key, naming it', (name) => {
    const parsed = contract[name].input.safeParse({ unexpectedKey: 1 })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['unexpectedKey'] })
    )
  })

  it.each(methodNames)('%s refuses a payload that is not an object', (name) => {
    for (const payload of ['x', 42, true, null, [], [{}]]) {
      expect(contract[name].input.safeParse(payload).success, JSON.stringify(payload)).toBe(false)
    }
  })

  it('accepts listArticleIds at its caps (limit, among, filter, tag)', () => {
    const atCaps = {
      limit: 100_000_000,
      among: amongPast.slice(1),
      filter: 'x'.repeat(1000),
      tag: 'x'.repeat(200)
    }
    expect(contract.listArticleIds.input.safeParse(atCaps).success).toBe(true)
  })

  it.each(invalid)('%s refuses a payload with %s', (name, _case, payload, field) => {
    const parsed = contract[name].input.safeParse(payload)
    expect(parsed.success).toBe(false)
    const paths = parsed.error!.issues.map((issue) =>
      issue.path.length > 0 ? issue.path.join('.') : '(input)'
    )
    const keys = parsed.error!.issues.flatMap((issue) =>
      'keys' in issue ? (issue.keys as string[]) : []
    )
    expect([...paths, ...keys]).toContain(field)
  })

  it('requires a handler for every method, with the contract’s types (checked by tsc)', () => {
    const handlers = {} as ApiHandlers
    const missingOne: Omit<ApiHandlers, 'deleteAnnotation'> = handlers
    // @ts-expect-error a host without deleteAnnotation must not compile
    const incomplete: ApiHandlers = missingOne
    const wrongOutput: ApiHandlers = {
      ...handlers,
      // @ts-expect-error emptyTrash resolves to { deleted: number }, not a string
      emptyTrash: async () => 'done'
    }
    expect([incomplete, wrongOutput]).toHaveLength(2)
  })
})
