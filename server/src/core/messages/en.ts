/**
 * Every sentence regtext shows a user, in English. `zh-cn.ts` has the same keys (its type is this object's), so a
 * message missing from a language is a type error. Names from the data (agencies, notice numbers, titles) are passed
 * in already in the user's language; a message only puts them into words.
 */
import type { Severity } from '../knowledge/types';

/** The list a banned term is on: its name, and the notice (in the user's language) and clause it comes from. */
export interface BannedTermSource {
  name: string;
  notice: string;
  clause: string;
}

export const en = {
  /** The words between data: list separators, "or", ranges. */
  words: {
    list: (items: readonly string[]) => items.join(', '),
    or: (items: readonly string[]) => items.join(' or '),
    range: (from: string, to: string) => `${from} to ${to}`,
    quote: (text: string) => `“${text}”`,
    megabytes: (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`,
  },
  problem: {
    binary: () => 'Not analysed: the document contains NUL characters, so it looks like a binary file.',
    internalError: (error: string) => `regtext could not analyse this document (${error}). Please report it.`,
    outlineOnly: (limit: string) => `Outline only: the document is larger than the limit of ${limit} (regtext.maxFileSizeMB), ` +
      'so notices, agencies, references and banned terms are not looked for.',
    notUtf8: () => 'Not analysed: not valid UTF-8 text (is it GBK/GB18030? convert it to UTF-8).',
    tooLarge: (size: string, limit: string, setting: string) => `Not analysed: the file has ${size}, more than the limit of ${limit} (${setting}).`,
    gone: () => 'Not analysed: the file is gone.',
    bannedTerm: (term: string, list: BannedTermSource | undefined) =>
      `"${term}" is a banned term: ${list ? `${listNamed(list)}, clause ${list.clause}` : 'listed as banned'}.`,
    unresolvedReference: (text: string) => `"${text}" points to no clause of this document.`,
    after: (label: string, line: number) => `after ${label} (line ${line})`,
    numberingStyle: (after: string, expected: string, found: string) => `Numbering style changes ${after}: expected ${expected}, found ${found}.`,
    numberingDuplicate: (found: string, previous: string, line: number, expected: string) =>
      `Duplicate number: ${found} repeats ${previous} (line ${line}); expected ${expected}.`,
    numberingGap: (after: string, expected: string, found: string, missing: string) =>
      `Numbering gap ${after}: expected ${expected}, found ${found} (${missing} missing).`,
    numberingOrder: (after: string, expected: string, found: string) => `Numbering out of order ${after}: expected ${expected}, found ${found}.`,
    numberingStart: (parent: string, found: string, expected: string) => `Numbering under ${parent} starts at ${found}: expected ${expected}.`,
    unusedSuppression: (rules: readonly string[] | undefined) =>
      `This suppression silences no problem${rules ? ` (${rules.join(', ')})` : ''}: it can be removed.`,
    repealed: (name: string, by: string, date: string | undefined) => `${name} was repealed by ${by}${date ? ` on ${date}` : ''}.`,
    repealedRelated: (by: string, name: string) => `${by}, which repealed ${name}`,
    missingClause: (text: string, name: string) => `"${text}": ${name} has no such clause.`,
    noticeInFile: (name: string, file: string) => `${name} (${file})`,
    duplicateNotice: (files: readonly string[], name: string) => `${files.join(', ')} also claim${files.length === 1 ? 's' : ''} to be ${name}.`,
    duplicateRelated: (name: string) => `also ${name}`,
    moreNotShown: (more: number, shown: number) =>
      `${more.toLocaleString('en')} more problems in this file are not shown here (regtext shows the first ${shown.toLocaleString('en')}); \`regtext check\` lists them all.`,
  },
  hover: {
    agencyKinds: {
      government: 'government',
      regulator: 'regulator',
      ministry: 'ministry',
      court: 'judicial body',
      'commercial-bank': 'commercial bank — not a regulator',
      institution: 'institution — not a regulator',
      association: 'industry association — not a regulator',
      exchange: 'exchange — self-regulatory, not a government regulator',
      'local-office': 'local office',
    },
    asWritten: (written: string) => `*As written:* ${written}`,
    localOfficeOf: (parent: string) => `A local office of the ${parent}.`,
    partOf: (parent: string) => `Part of the ${parent}.`,
    alsoWritten: (names: readonly string[]) => `Also written: ${names.join(', ')}`,
    replacedBy: (year: string | undefined, successor: string) => `Replaced${year ? ` in ${year}` : ''} by ${successor}.`,
    tookOverFrom: (predecessors: readonly string[]) => `Took over from ${predecessors.join(' and ')}.`,
    history: (text: string) => `*History:* ${text}`,
    ownNotice: () => '*This document is this notice.*',
    lastCited: (text: string) => `*“${text}” — the notice last cited:*`,
    shortNameOf: (text: string) => `*“${text}” — the short name this document gives it:*`,
    unknownTitle: (title: string) => `**《${title}》** — a title cited; regtext knows no notice or law of that title in the workspace or its notice table.`,
    unknownSerial: (text: string, serial: string) =>
      `**${text}** — a customary short name (serial ${serial}); no single notice with that serial is known in the workspace or regtext's notice table.`,
    unknownNumber: () => '*This notice is neither in the workspace nor in regtext\'s notice table.*',
    unknownIssuer: (code: string) => `Issuer code ${code} is not in regtext's table of issuer codes.`,
    issuerCode: (code: string, description: string | undefined) => `Issuer code ${code}${description ? ` — ${description.replace(/\.?$/, '.')}` : ''}`,
    issuedBy: (issuers: string) => `Issued by ${issuers}.`,
    issuedOn: (date: string, published: string | undefined, issuers: string) => `Issued ${date}${published ? ` (published ${published})` : ''} by ${issuers}.`,
    issued: (date: string) => `Issued ${date}.`,
    statusRepealed: (by: string, date: string | undefined, inWorkspace: boolean) =>
      `Status: **repealed** — repealed by ${by}${date ? ` on ${date}` : ''}${inWorkspace ? ' (found in the workspace)' : ''}`,
    status: { 'in-force': 'Status: **in force**', repealed: 'Status: **repealed**', expired: 'Status: **expired**', unknown: 'Status: no repeal known to regtext' },
    repeals: (names: readonly string[]) => `Repeals: ${names.join(', ')}`,
    otherText: (title: string) => `*regtext's notice table knows this number as 《${title}》: the workspace's file is another text.*`,
    notInWorkspace: () => '*Not in this workspace.*',
    inWorkspace: (links: readonly string[]) => `In this workspace: ${links.join(' · ')}`,
    fileLanguage: { zh: 'Chinese', en: 'English' },
    definedTerm: (term: string, line: number) => `**“${term}”** — defined term (line ${line})`,
    noClause: (text: string) => `**${text}** — points to no clause of this document.`,
    atLine: (line: number) => `(line ${line})`,
    unidentifiedDocument: (text: string) => `**${text}** — a reference into another document, which regtext cannot identify.`,
    unknownDocument: (text: string) => `**${text}** — a reference into a document regtext cannot identify.`,
    clauseIn: (name: string, link: string) => `— in ${name} (${link})`,
    noSuchClause: (text: string, name: string, files: readonly string[]) => `**${text}** — ${name} has no such clause (${files.join(', ')}).`,
    noticeNotHere: (text: string, name: string) => `**${text}** of ${name} — that notice is not in this workspace.`,
    clauseKinds: { part: 'part', chapter: 'chapter', section: 'section', article: 'article', clause: 'clause', item: 'item', annex: 'attachment' },
    labelUses: (kind: string, parent: string | undefined, count: number, fromOthers: number) =>
      `${kind}${parent ? ` in ${parent}` : ''} · referred to ${count} time${count === 1 ? '' : 's'} in this document` +
      (fromOthers > 0 ? ` and ${fromOthers} time${fromOthers === 1 ? '' : 's'} from other files` : ''),
    spelledOut: (acronym: string, words: string, line: number) => `**${acronym}** — “${words}”, as this document spells it out (line ${line})`,
    notTheBannedAcronym: (list: string | undefined) => `*Not the banned acronym${list ? ` of ${list}` : ''}: not reported.*`,
    bannedTerm: () => '**Banned term**',
    source: (source: string) => `Source: ${source}`,
    clause: (notice: string, clause: string) => `${notice}, clause ${clause}`,
    forms: (forms: readonly string[]) => `Forms: ${forms.join(', ')}`,
    placements: {
      entityName: 'in an entity name',
      businessScope: 'in a business scope',
      regulatoryText: 'in the prose of a regulatory text (this document is a notice, measures or a law)',
      drafting: 'in drafting (not a name, a scope or a regulatory text)',
    },
    severities: { error: 'an error', warning: 'a warning', information: 'information', hint: 'a hint' },
    seen: (placement: string, severity: string | undefined) => `*Seen ${placement}: ${severity === undefined ? 'not reported there' : `reported as ${severity}`}.*`,
    inCitation: () => '*Here it stands inside a quoted official title: a citation, not reported.*',
    inMention: () => '*Here it is quoted as a word (a mention), not reported.*',
  },
  action: {
    removeSuppression: () => 'Remove this unused suppression',
    silenceLine: (code: string) => `Silence ${code} on this line`,
    silenceFile: (code: string) => `Silence ${code} in this file`,
    replace: (term: string, replacement: string) => `Replace “${term}” with “${replacement}”`,
    removeScopeItem: (item: string) => `Remove the business-scope item “${item}”`,
    renumber: (label: string, relabelled: string) => `Renumber ${label} as ${relabelled}`,
    renumberRest: (label: string, after: number) => `Renumber ${label} and the ${after} after it in sequence`,
    writeOut: (abbreviation: string, full: string) => `Write out ${abbreviation} at its first mention: ${full}`,
    addBannedTerm: (phrase: string, file: string) => `Add “${phrase}” to this workspace's banned terms (${file})`,
    addAgency: (name: string, file: string) => `Add “${name}” to this workspace's agencies (${file})`,
  },
  lens: {
    citedByNone: () => 'cited by no document in the workspace',
    citedBy: (documents: number) => `cited by ${documents} document${documents === 1 ? '' : 's'}`,
    repealedBy: (by: string, date: string | undefined) => `repealed by ${by}${date ? ` on ${date}` : ''}`,
  },
  hint: {
    repealed: (date: string | undefined) => (date ? `repealed ${date}` : 'repealed'),
    repealedBy: (by: string, date: string | undefined) => `Repealed by ${by}${date ? ` on ${date}` : ''}.`,
  },
  rename: {
    agency: () => 'An agency\'s name is not this document\'s to rename.',
    noticeNumber: () => 'A notice number names another document: it cannot be renamed here.',
    citation: () => 'A cited title names another document: it cannot be renamed here.',
    clauseRef: () => 'A clause reference follows its clause: renumber the clause instead.',
    clauseLabel: () => 'A clause label is renumbered, not renamed (a quick fix renumbers a sequence).',
    bannedTerm: () => 'A banned term is not a name of this document.',
    other: () => 'Only a term this document defines can be renamed here.',
  },
  translation: {
    missingClause: (label: string) => `Clause ${label} of the original has no counterpart in the translation.`,
    extraClause: (label: string) => `Clause ${label} has no counterpart in the original.`,
    /** The clauses under a clause without counterpart that have none either, as the rest of its finding. */
    /** A clause the translation moved: its label in each language, and the original's clause it now follows (none: it comes first). */
    moved: (original: string, translated: string, after: string | undefined) =>
      `Clause ${original} of the original is translated as ${translated}, out of its order: moved to ${after === undefined ? 'the start' : `after ${after}`}.`,
    /** A clause without counterpart that may as well be another, near it (their numbers and contents tie), as the rest of its finding. */
    uncertain: (other: string) => ` Or is it ${other}? Their numbers and contents do not tell which.`,
    alsoUnder: (count: number, first: string, last: string) => (count === 1 ? ` Nor does the clause under it, ${first}.` : ` Nor do the ${count} clauses under it, ${first} to ${last}.`),
    numbering: (translated: string, original: string) => `${translated} translates ${original} of the original: the numbers disagree.`,
    merged: (translated: string, first: string, second: string) => `${translated} translates both ${first} and ${second} of the original: they are merged.`,
    split: (first: string, second: string, original: string) => `${first} and ${second} both translate ${original} of the original: it is split.`,
    /** A run renumbered alike (a clause added, dropped, split or merged before it): its ends, in each language. */
    shifted: (first: string, last: string, originalFirst: string, originalLast: string) => (first === last
      ? `The numbering after it is shifted: ${first} translates ${originalFirst}.`
      : `The numbering after it is shifted: ${first} to ${last} translate ${originalFirst} to ${originalLast}.`),
    /** A finding and the shift it causes, as one message. */
    withShift: (finding: string, shifted: string) => `${finding} ${shifted}`,
    renumbered: (first: string, last: string, originalFirst: string, originalLast: string) =>
      `${first} to ${last} translate ${originalFirst} to ${originalLast} of the original: the numbering is shifted.`,
    /** What a clause says of one kind of value: "cites Yinfa [2021] No. 237", "has the date February 16, 2026". */
    says: {
      notice: (text: string) => `cites ${text}`,
      agency: (text: string) => `names ${text}`,
      date: (text: string) => `has the date ${text}`,
      percent: (text: string) => `has ${text}`,
      number: (text: string) => `has the number ${text}`,
    },
    mismatch: (translation: string, original: string) => `The translation ${translation} where the original ${original}.`,
    onlyOriginal: (original: string) => `The original ${original}; this clause does not.`,
    onlyTranslation: (translation: string, clause: string) => `The translation ${translation}; the original's ${clause} does not.`,
    /** The issuing agencies and the date under the text. */
    closingBlock: () => 'closing block',
    onlyOriginalClosingBlock: (original: string) => `The original ${original} in its closing block; the translation's does not.`,
    translatedTwice: (term: string, original: string, line: number, earlier: string) =>
      `"${term}" translates ${original}, which line ${line} translates as "${earlier}".`,
    termNotUsed: (original: string, term: string) => `The original uses the defined term ${original} here; this clause never uses its translation "${term}".`,
    inOriginal: (label: string) => `${label} in the original`,
    nearestInOriginal: () => 'the nearest clause of the original',
    originalClauseHas: (clause: string, text: string) => `the original's ${clause}: ${text}`,
    /** Hovers: the counterpart clause and term. */
    counterpartClause: { zh: 'Chinese original', en: 'English translation' },
    pairedBy: (basis: string, percent: number) => `paired by ${basis}, ${percent}% sure`,
    counterpartTerm: { zh: 'In the Chinese original', en: 'In the English translation' },
  },
  server: {
    indexing: () => 'regtext: indexing notices',
    listingFiles: () => 'listing files…',
    filesDone: (done: number, total: number) => `${done}/${total} files`,
    maxFiles: (count: number) => `regtext indexes at most ${count} files (regtext.workspace.maxFiles): the rest of the workspace is not indexed.`,
    maxSize: (megabytes: number) => `regtext indexes at most ${megabytes} MB of files (regtext.workspace.maxSizeMB): the rest of the workspace is not indexed.`,
    configProblems: (summary: string) => `regtext: the workspace configuration has problems (${summary}); they are shown in the file. ` +
      'The last good configuration (or the built-in one) stays in force until they are fixed.',
  },
  cli: {
    /** What `regtext check` says on stderr at the end: how many files, and how many findings of each severity. */
    checked: (files: number, counts: readonly (readonly [Severity, number])[]) =>
      `regtext: ${files} file${files === 1 ? '' : 's'} checked; ${counts.map(([severity, count]) => `${count} ${severityNoun(severity, count)}`).join(', ')}`,
  },
};

export type Messages = typeof en;

/** A list by its name and the notice it comes from, unless its name says which ("… (Yinfa [2026] No. 42)"). */
function listNamed(list: BannedTermSource): string {
  return list.name.includes(list.notice) ? list.name : `${list.name} (${list.notice})`;
}

/** "1 error", "2 errors", "3 information" (a mass noun). */
function severityNoun(severity: Severity, count: number): string {
  return count === 1 || severity === 'information' ? severity : `${severity}s`;
}
