/** The Web Annotation context every exported annotation and collection names. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/**
 * Dossier's extension vocabulary: every `dossier:` term of the export expands under this
 * IRI. The terms are listed, with what each means, in `docs/web-annotation-context.jsonld`.
 */
export const DOSSIER_VOCABULARY = 'urn:dossier:vocab:'

/** The context of each annotation: the model's, and the `dossier:` prefix of the extension. */
export const CONTEXT = [ANNOTATION_CONTEXT, { dossier: DOSSIER_VOCABULARY }] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A record's IRI: `urn:uuid:` for the UUIDs Dossier gives its records, and for any other
 * id (an article's notes, an id from an older release) `urn:dossier:record:` with the id
 * percent-encoded.
 */
export function recordIri(id: string): string {
  return UUID.test(id)
    ? `urn:uuid:${id.toLowerCase()}`
    : `urn:dossier:record:${encodeURIComponent(id)}`
}

/** An article's text, named by its SHA-256: the same text is the same IRI in every library. */
export function articleIri(textSha256: string): string {
  return `urn:dossier:text:sha256:${textSha256}`
}
