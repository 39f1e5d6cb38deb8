import { describe, expect, it } from 'vitest'
import { dispatch, isMethodName } from '../../../src/core/dispatch'
import type { ApiHandlers, MethodName } from '../../../src/shared/api'
import { methodNames } from '../../../src/shared/api'
import { DossierError } from '../../../src/shared/result'

/** A host whose every method records what it received and returns `value`. */
function recordingHandlers(value: unknown, calls: [MethodName, unknown][]): ApiHandlers {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown) => {
        calls.push([name, input])
        return value
      }
    ])
  ) as unknown as ApiHandlers
}

function throwingHandlers(error: unknown): ApiHandlers {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      async () => {
        throw error
      }
    ])
  ) as unknown as ApiHandlers
}

describe('dispatch', () => {
  it('passes the parsed payload to the handler and wraps its value', async () => {
    const calls: [MethodName, unknown][] = []
    const result = await dispatch(recordingHandlers({ deleted: 2 }, calls), 'emptyTrash', {})
    expect(result).toEqual({ ok: true, value: { deleted: 2 } })
    expect(calls).toEqual([['emptyTrash', {}]])
  })

  it('treats a missing payload as an empty object', async () => {
    const calls: [MethodName, unknown][] = []
    const result = await dispatch(recordingHandlers([], calls), 'listArticles', undefined)
    expect(result.ok).toBe(true)
    expect(calls).toEqual([['listArticles', {}]])
  })

  it.each([
    ['createAnnotation', { articleId: 'a', start: 4, end: 4, color: 1 }, 'end'],
    ['createAnnotation', { articleId: 'a', start: 0, end: 4, color: 7 }, 'color'],
    ['getArticle', {}, 'id'],
    ['getArticle', { id: 'a', extra: true }, 'extra'],
    ['updateAnnotation', { articleId: 'a', id: 'n', note: 5 }, 'note']
  ] as [MethodName, unknown, string][])(
    'refuses a bad %s payload as invalid_input naming %s, without calling the handler',
    async (name, payload, field) => {
      const calls: [MethodName, unknown][] = []
      const result = await dispatch(recordingHandlers(null, calls), name, payload)
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining(field) }
      })
      expect(result.ok || result.error.message.startsWith(`${name}: `)).toBe(true)
      expect(calls).toEqual([])
    }
  )

  it.each(methodNames)('refuses an unknown key in a %s payload, naming it', async (name) => {
    const calls: [MethodName, unknown][] = []
    const result = await dispatch(recordingHandlers(null, calls), name, { unexpectedKey: 1 })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(`^${name}: .*unexpectedKey`) }
    })
    expect(calls).toEqual([])
  })

  it('turns a DossierError into a failure with its code and message', async () => {
    const error = new DossierError('not_found', 'No article with id abcd.')
    const result = await dispatch(throwingHandlers(error), 'getArticle', { id: 'abcd' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No article with id abcd.' }
    })
  })

  it('turns an unexpected error into internal, never a rejection', async () => {
    const result = await dispatch(
      throwingHandlers(new TypeError('x is undefined')),
      'emptyTrash',
      {}
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('x is undefined') }
    })
    const thrownString = await dispatch(throwingHandlers('boom'), 'emptyTrash', {})
    expect(thrownString).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') }
    })
  })
})

describe('isMethodName', () => {
  it('accepts every contract method', () => {
    for (const name of methodNames) expect(isMethodName(name)).toBe(true)
  })

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nope', '', 'GETARTICLE'])(
    'refuses %j',
    (name) => {
      expect(isMethodName(name)).toBe(false)
    }
  )
})
