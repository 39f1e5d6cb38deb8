/**
 * Every word list the attribution finder consults (issue #17), as data, so that what counts as
 * an attribution is reviewed in one place. Entries are lower case, as the language model's
 * `normal` form of a token ("n't" → "not"). Verb forms are listed in full instead of stemmed:
 * "states" is a cue and "statement" is not, and a stemmer cannot tell them apart.
 */

/**
 * What a cue verb needs after it to report a statement:
 * - `clause`: `said (that) the port had…`, or the statement before it: `…, she said`;
 * - `that-clause`: only with `that` (`found that…`), since `found the body` is no claim;
 * - `object-clause`: the hearer first: `told the Courier that…`, `…, she told councillors`;
 * - `accusation`: `accused the minister of hiding the cuts`;
 * - `naming`: `called the situation “manageable”`: only with a quotation (`called a meeting`);
 * - `prediction`: `expect the government to decide`, never `expects to publish` (an intention).
 */
export type CueFrame =
  'clause' | 'that-clause' | 'object-clause' | 'accusation' | 'naming' | 'prediction'

export interface CueVerb {
  lemma: string
  forms: readonly string[]
  frame: CueFrame
}

export const CUE_VERBS: readonly CueVerb[] = [
  { lemma: 'say', forms: ['say', 'says', 'said', 'saying'], frame: 'clause' },
  { lemma: 'tell', forms: ['tell', 'tells', 'told', 'telling'], frame: 'object-clause' },
  { lemma: 'assure', forms: ['assure', 'assures', 'assured', 'assuring'], frame: 'object-clause' },
  {
    lemma: 'inform',
    forms: ['inform', 'informs', 'informed', 'informing'],
    frame: 'object-clause'
  },
  {
    lemma: 'remind',
    forms: ['remind', 'reminds', 'reminded', 'reminding'],
    frame: 'object-clause'
  },
  { lemma: 'add', forms: ['add', 'adds', 'added', 'adding'], frame: 'clause' },
  { lemma: 'insist', forms: ['insist', 'insists', 'insisted', 'insisting'], frame: 'clause' },
  { lemma: 'deny', forms: ['deny', 'denies', 'denied', 'denying'], frame: 'clause' },
  { lemma: 'warn', forms: ['warn', 'warns', 'warned', 'warning'], frame: 'clause' },
  { lemma: 'caution', forms: ['caution', 'cautions', 'cautioned', 'cautioning'], frame: 'clause' },
  {
    lemma: 'estimate',
    forms: ['estimate', 'estimates', 'estimated', 'estimating'],
    frame: 'clause'
  },
  { lemma: 'report', forms: ['report', 'reports', 'reported', 'reporting'], frame: 'clause' },
  { lemma: 'claim', forms: ['claim', 'claims', 'claimed', 'claiming'], frame: 'clause' },
  { lemma: 'allege', forms: ['allege', 'alleges', 'alleged', 'alleging'], frame: 'clause' },
  { lemma: 'argue', forms: ['argue', 'argues', 'argued', 'arguing'], frame: 'clause' },
  { lemma: 'assert', forms: ['assert', 'asserts', 'asserted', 'asserting'], frame: 'clause' },
  { lemma: 'contend', forms: ['contend', 'contends', 'contended', 'contending'], frame: 'clause' },
  {
    lemma: 'acknowledge',
    forms: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
    frame: 'clause'
  },
  { lemma: 'admit', forms: ['admit', 'admits', 'admitted', 'admitting'], frame: 'clause' },
  { lemma: 'concede', forms: ['concede', 'concedes', 'conceded', 'conceding'], frame: 'clause' },
  {
    lemma: 'announce',
    forms: ['announce', 'announces', 'announced', 'announcing'],
    frame: 'clause'
  },
  { lemma: 'declare', forms: ['declare', 'declares', 'declared', 'declaring'], frame: 'clause' },
  { lemma: 'confirm', forms: ['confirm', 'confirms', 'confirmed', 'confirming'], frame: 'clause' },
  { lemma: 'stress', forms: ['stress', 'stresses', 'stressed', 'stressing'], frame: 'clause' },
  {
    lemma: 'emphasise',
    forms: [
      'emphasise',
      'emphasises',
      'emphasised',
      'emphasising',
      'emphasize',
      'emphasizes',
      'emphasized',
      'emphasizing'
    ],
    frame: 'clause'
  },
  { lemma: 'note', forms: ['note', 'notes', 'noted', 'noting'], frame: 'clause' },
  { lemma: 'explain', forms: ['explain', 'explains', 'explained', 'explaining'], frame: 'clause' },
  { lemma: 'suggest', forms: ['suggest', 'suggests', 'suggested', 'suggesting'], frame: 'clause' },
  { lemma: 'state', forms: ['state', 'states', 'stated', 'stating'], frame: 'clause' },
  { lemma: 'write', forms: ['write', 'writes', 'wrote', 'written', 'writing'], frame: 'clause' },
  { lemma: 'reply', forms: ['reply', 'replies', 'replied', 'replying'], frame: 'clause' },
  { lemma: 'believe', forms: ['believe', 'believes', 'believed', 'believing'], frame: 'clause' },
  { lemma: 'think', forms: ['think', 'thinks', 'thought', 'thinking'], frame: 'clause' },
  { lemma: 'fear', forms: ['fear', 'fears', 'feared', 'fearing'], frame: 'clause' },
  { lemma: 'doubt', forms: ['doubt', 'doubts', 'doubted', 'doubting'], frame: 'clause' },
  {
    lemma: 'forecast',
    forms: ['forecast', 'forecasts', 'forecasted', 'forecasting'],
    frame: 'clause'
  },
  { lemma: 'predict', forms: ['predict', 'predicts', 'predicted', 'predicting'], frame: 'clause' },
  {
    lemma: 'conclude',
    forms: ['conclude', 'concludes', 'concluded', 'concluding'],
    frame: 'clause'
  },
  { lemma: 'find', forms: ['find', 'finds', 'found', 'finding'], frame: 'that-clause' },
  { lemma: 'show', forms: ['show', 'shows', 'showed', 'shown', 'showing'], frame: 'that-clause' },
  { lemma: 'reveal', forms: ['reveal', 'reveals', 'revealed', 'revealing'], frame: 'that-clause' },
  {
    lemma: 'disclose',
    forms: ['disclose', 'discloses', 'disclosed', 'disclosing'],
    frame: 'that-clause'
  },
  {
    lemma: 'maintain',
    forms: ['maintain', 'maintains', 'maintained', 'maintaining'],
    frame: 'that-clause'
  },
  { lemma: 'agree', forms: ['agree', 'agrees', 'agreed', 'agreeing'], frame: 'that-clause' },
  {
    lemma: 'dispute',
    forms: ['dispute', 'disputes', 'disputed', 'disputing'],
    frame: 'that-clause'
  },
  {
    lemma: 'complain',
    forms: ['complain', 'complains', 'complained', 'complaining'],
    frame: 'that-clause'
  },
  { lemma: 'recall', forms: ['recall', 'recalls', 'recalled', 'recalling'], frame: 'that-clause' },
  {
    lemma: 'mention',
    forms: ['mention', 'mentions', 'mentioned', 'mentioning'],
    frame: 'that-clause'
  },
  {
    lemma: 'testify',
    forms: ['testify', 'testifies', 'testified', 'testifying'],
    frame: 'that-clause'
  },
  { lemma: 'accuse', forms: ['accuse', 'accuses', 'accused', 'accusing'], frame: 'accusation' },
  { lemma: 'call', forms: ['call', 'calls', 'called', 'calling'], frame: 'naming' },
  {
    lemma: 'describe',
    forms: ['describe', 'describes', 'described', 'describing'],
    frame: 'naming'
  },
  { lemma: 'dismiss', forms: ['dismiss', 'dismisses', 'dismissed', 'dismissing'], frame: 'naming' },
  { lemma: 'expect', forms: ['expect', 'expects', 'expected', 'expecting'], frame: 'prediction' }
]

/** Multi-word cues whose source follows them: `according to the chamber, …`. */
export const SOURCE_PREPOSITIONS: readonly string[] = ['according to']

/**
 * Words just before a cue verb that make it something else, as token sequences ending right
 * before the verb: `so-called`, `to say` (`declined to say`), a negation (`did not say`), the
 * passive (`was denied entry`, `is said to` is a hedge below), and a determiner or possessive
 * (`the report`, `its first estimate`), which make the word a noun.
 */
export const CUE_BLOCKERS: readonly (readonly string[])[] = [
  ['so', '-'],
  ['so'],
  ['to'],
  ['not'],
  ['never'],
  ['is'],
  ['are'],
  ['was'],
  ['were'],
  ['be'],
  ['been'],
  ['being'],
  ['the'],
  ['a'],
  ['an'],
  ['this'],
  ['these'],
  ['those'],
  ['its'],
  ['their'],
  ['his'],
  ['her'],
  ['our'],
  ['my'],
  ['your'],
  ['no'],
  ['every'],
  ['each'],
  ['any']
]

/**
 * Parts of speech just before a cue verb that make it a noun: `its first estimate`. A number
 * in digits does too (`the 2019 report`); a number in words is a subject (`One said`).
 */
export const CUE_BLOCKING_TAGS: readonly string[] = ['DET', 'ADJ']

/** Objects that make a verb of saying say nothing: `said goodbye`, `said nothing`. */
export const EMPTY_STATEMENTS: readonly string[] = [
  'goodbye',
  'good-bye',
  'farewell',
  'hello',
  'nothing',
  'little',
  'yes',
  'no',
  'so',
  'sorry',
  'thanks',
  'grace',
  'amen',
  'something'
]

/**
 * Hedges with no source. A pattern is words separated by spaces; `a|b` is either word and a
 * trailing `?` makes a word optional. `clause`: the hedge sits inside the statement (`was
 * allegedly awarded`), which is its whole clause; `after`: the statement follows the formula
 * (`it is understood that …`).
 */
export interface Hedge {
  pattern: string
  content: 'clause' | 'after'
}

export const HEDGES: readonly Hedge[] = [
  { pattern: 'reportedly', content: 'clause' },
  { pattern: 'allegedly', content: 'clause' },
  { pattern: 'purportedly', content: 'clause' },
  { pattern: 'supposedly', content: 'clause' },
  { pattern: 'reputedly', content: 'clause' },
  { pattern: 'apparently', content: 'clause' },
  {
    pattern:
      'is|are|was|were widely? said|believed|thought|reported|rumoured|rumored|alleged|understood|claimed|known|expected|feared|estimated to',
    content: 'clause'
  },
  {
    pattern:
      'it is|was widely? understood|believed|thought|said|claimed|alleged|reported|rumoured|rumored|feared|expected that',
    content: 'after'
  },
  {
    pattern: 'there are|were|have|has|had been? reports|rumours|rumors|claims|suggestions that',
    content: 'after'
  }
]

/**
 * Phrases that make a claimant anonymous whatever else it names: `officials who asked not to
 * be named`, `a person familiar with the matter`, `sources close to the talks`, `one mother,
 * who gave only her first name`. Matched as whole words in the claimant.
 */
export const ANONYMITY_FORMULAE: readonly string[] = [
  'asked not to be named',
  'asked not to be identified',
  'declined to be named',
  'declined to be identified',
  'did not want to be named',
  'not authorised to speak',
  'not authorized to speak',
  'on condition of anonymity',
  'speaking anonymously',
  'familiar with',
  'close to',
  'with knowledge of',
  'briefed on',
  'first name',
  'source',
  'sources',
  'insider',
  'insiders'
]

/** Heads of a claimant that is an organisation, which is named even without a proper name. */
export const INSTITUTION_NOUNS: readonly string[] = [
  'administration',
  'agency',
  'airline',
  'army',
  'assembly',
  'association',
  'authority',
  'bank',
  'board',
  'broadcaster',
  'cabinet',
  'carrier',
  'chamber',
  'club',
  'commission',
  'committee',
  'company',
  'contractor',
  'cooperative',
  'corporation',
  'council',
  'court',
  'department',
  'developer',
  'embassy',
  'federation',
  'firm',
  'government',
  'group',
  'hospital',
  'inspectorate',
  'institute',
  'insurer',
  'ministry',
  'museum',
  'newspaper',
  'office',
  'operator',
  'parliament',
  'party',
  'police',
  'prosecutor',
  'publisher',
  'regulator',
  'service',
  'supplier',
  'union',
  'university',
  'utility'
]

/** Public offices: the holder can be identified, so `Minister Says` is a named source. */
export const OFFICE_NOUNS: readonly string[] = [
  'chancellor',
  'governor',
  'mayor',
  'minister',
  'ombudsman',
  'premier',
  'president'
]

/** Heads of a claimant that is a document: `a report by the agency`, `figures from the board`. */
export const DOCUMENT_NOUNS: readonly string[] = [
  'analysis',
  'audit',
  'data',
  'document',
  'documents',
  'figures',
  'filing',
  'letter',
  'memo',
  'memorandum',
  'note',
  'paper',
  'poll',
  'records',
  'report',
  'review',
  'ruling',
  'statement',
  'statistics',
  'study',
  'survey'
]

/** Capitalised words that make a name an organisation's (`Velmora Commercial Bank`). */
export const ORGANISATION_NAME_WORDS: readonly string[] = [
  ...INSTITUTION_NOUNS,
  'commerce',
  'courier',
  'gazette',
  'herald',
  'inc',
  'ltd',
  'news',
  'plc',
  'post',
  'radio',
  'research',
  'times',
  'trust'
]

/** Capitalised words that make a name a place's (`Brisk Island`, `Port Lacerne`). */
export const PLACE_NAME_WORDS: readonly string[] = [
  'avenue',
  'bay',
  'city',
  'harbour',
  'harbor',
  'island',
  'lake',
  'port',
  'quay',
  'river',
  'road',
  'square',
  'street',
  'valley'
]

/** Titles before a name, with the sex they tell where they do. */
export const TITLES: Readonly<Record<string, 'female' | 'male' | undefined>> = {
  mr: 'male',
  'mr.': 'male',
  sir: 'male',
  mrs: 'female',
  'mrs.': 'female',
  ms: 'female',
  'ms.': 'female',
  miss: 'female',
  dame: 'female',
  dr: undefined,
  'dr.': undefined,
  prof: undefined,
  'prof.': undefined,
  professor: undefined,
  councillor: undefined,
  minister: undefined,
  senator: undefined,
  judge: undefined,
  captain: undefined,
  president: undefined,
  prime: undefined,
  deputy: undefined
}

/** Role nouns that tell a person's sex: `a spokeswoman, Inge Marsh`. */
export const GENDERED_ROLES: Readonly<Record<string, 'female' | 'male'>> = {
  spokeswoman: 'female',
  chairwoman: 'female',
  businesswoman: 'female',
  mother: 'female',
  spokesman: 'male',
  chairman: 'male',
  businessman: 'male',
  father: 'male'
}

/** Subject pronouns that stand for a claimant named earlier, and what they can stand for. */
export const REFERRING_PRONOUNS: Readonly<Record<string, 'female' | 'male' | 'group' | 'thing'>> = {
  she: 'female',
  he: 'male',
  they: 'group',
  it: 'thing'
}

/** Words that open a clause of their own: the subject of a cue after them starts there. */
export const CLAUSE_OPENERS: readonly string[] = [
  'after',
  'although',
  'as',
  'because',
  'before',
  'if',
  'since',
  'though',
  'unless',
  'when',
  'whereas',
  'while'
]

/** Relative pronouns: `which the council calls…` (a new subject) or `who asked…` (a modifier). */
export const RELATIVE_PRONOUNS: readonly string[] = ['who', 'whom', 'whose', 'which']

/** Auxiliaries and adverbs between a subject and its cue: `has said`, `also warned`. */
export const VERB_PREFIXES: readonly string[] = [
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'may',
  'might',
  'can',
  'did',
  'does',
  'do',
  'also',
  'again',
  'repeatedly',
  'later',
  'earlier',
  'previously',
  'publicly',
  'privately',
  'once',
  'already',
  'still',
  'then',
  'now',
  'often',
  'recently',
  'separately',
  'flatly',
  'strongly',
  'firmly'
]

/** Words of a time phrase between a subject and its cue: `the ministry on Monday denied`. */
export const TIME_WORDS: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'morning',
  'afternoon',
  'evening',
  'night',
  'day',
  'week',
  'weekend',
  'month',
  'year',
  'today',
  'yesterday',
  'tonight',
  'last',
  'this',
  'next',
  'on',
  'in',
  'at',
  'late',
  'early'
]
