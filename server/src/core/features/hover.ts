/** Hover text (Markdown) for whatever is under the cursor, with what the workspace knows about cited notices. */
import type { Hover } from '../api';
import type { Knowledge } from '../knowledge/compile';
import type { AgencyRecord, BannedTermList, Severity } from '../knowledge/types';
import type {
  AgencyMention, Annotation, BannedTermHit, CitationTarget, ClauseLabelSite, ClauseReference, Language, NoticeNumber, TermPlacement,
} from '../model';
import { ClauseResolver } from '../resolve';
import { truncate } from '../scan/clauseTree';
import { normalizeTitle } from '../scan/titles';
import { bothNumbers, inLanguageOrder, noticeName, numberIn, referenceInto } from '../workspace/crossFile';
import { rangeIn, type FileSummary } from '../workspace/summary';
import type { NoticeInfo } from '../workspace/workspaceIndex';
import { annotationsAt } from './annotationAt';
import { citedTarget, ownKey } from './citing';
import { rangeOf, type AnalysedFile, type FeatureContext } from './context';
import { counterpartClauseHover, counterpartTermHover, type CounterpartView } from './counterpart';

/**
 * The hover for what is under the cursor: the innermost annotation first, then whatever else covers the cursor
 * (the notice number an agency's name begins, the banned term a defined term also is), each described once.
 */
export function hover(context: FeatureContext, file: AnalysedFile, offset: number): Hover | undefined {
  const covering = annotationsAt(file.analysis, offset);
  const best = covering[0];
  if (!best) return undefined;
  const inside = covering.filter((annotation) => annotation === best || (annotation.end > offset && annotation.kind !== 'clauseLabel'));
  const sections = [...new Set(inside.map((annotation) => describe(context, file, annotation)))].filter((text) => text !== undefined);
  return sections.length > 0 ? { markdown: sections.join('\n\n---\n\n'), range: rangeOf(file, best) } : undefined;
}

function describe(context: FeatureContext, file: AnalysedFile, annotation: Annotation): string | undefined {
  switch (annotation.kind) {
    case 'agency': return agencyHover(annotation, context.knowledge);
    case 'noticeNumber':
    case 'citation': return citationHover(context, file, annotation);
    case 'termUse':
    case 'termDefinition': return withCounterpart(termHover(file, annotation.key), context, file, (view) => counterpartTermHover(view, annotation.key));
    case 'clauseRef': return annotation.external ? externalReferenceHover(context, file, annotation) : referenceHover(file, annotation);
    case 'clauseLabel': return withCounterpart(labelHover(context, file, annotation), context, file, (view) => counterpartClauseHover(view, annotation));
    case 'bannedTerm': return annotation.standsFor ? redefinedAcronymHover(file, annotation, context.knowledge) : bannedTermHover(annotation, context.knowledge);
  }
}

/** A hover section with what the file's counterpart in the other language says of the same thing, when it is aligned. */
function withCounterpart(section: string | undefined, context: FeatureContext, file: AnalysedFile, other: (view: CounterpartView) => string | undefined): string | undefined {
  const view = context.counterpart?.(file);
  const extra = view ? other(view) : undefined;
  return section && extra ? `${section}\n\n${extra}` : section;
}

const KIND_LABELS: Record<AgencyRecord['kind'], string> = {
  government: 'government',
  regulator: 'regulator',
  ministry: 'ministry',
  court: 'judicial body',
  'commercial-bank': 'commercial bank — not a regulator',
  institution: 'institution — not a regulator',
  association: 'industry association — not a regulator',
  exchange: 'exchange — self-regulatory, not a government regulator',
  'local-office': 'local office',
};

function agencyHover(mention: AgencyMention, knowledge: Knowledge): string | undefined {
  const agency = knowledge.agencies.get(mention.agencyId);
  if (!agency) return undefined;
  const abbreviations = (agency.abbreviations ?? []).map((abbreviation) => `\`${abbreviation}\``).join(' ');
  const lines = [
    `**${agency.en.name}** · ${agency.zh.name}`,
    ...writtenOtherwise(mention, agency),
    '',
    [abbreviations, `*${KIND_LABELS[agency.kind]}*`].filter(Boolean).join(' · '),
    '',
    agency.role,
  ];
  const parent = parentLine(agency, knowledge);
  if (parent) lines.push('', parent);
  const otherNames = [...(agency.zh.aliases ?? []), ...(agency.en.aliases ?? [])];
  if (otherNames.length > 0) lines.push('', `Also written: ${otherNames.join(', ')}`);
  const history = agencyHistory(agency, knowledge);
  if (history) lines.push('', history);
  return lines.join('\n');
}

/**
 * A local office is written many ways (中国人民银行浙江分行, 人民银行浙江省分行, "PBOC Zhejiang Branch"); the hover
 * names it officially, and says how the text wrote it when that differs.
 */
function writtenOtherwise(mention: AgencyMention, agency: AgencyRecord): string[] {
  if (agency.kind !== 'local-office') return [];
  const written = mention.text.replace(/\s+/g, /\p{Script=Han}/u.test(mention.text) ? '' : ' ');
  return written === agency.zh.name || written === agency.en.name ? [] : ['', `*As written:* ${written}`];
}

/** Whose unit or office the agency is: "A local office of the People's Bank of China (中国人民银行, PBOC)." */
function parentLine(agency: AgencyRecord, knowledge: Knowledge): string | undefined {
  const parent = agency.parent ? knowledge.agencies.get(agency.parent) : undefined;
  if (!parent) return undefined;
  const name = `**${parent.en.name}** (${[parent.zh.name, parent.abbreviations?.[0]].filter(Boolean).join(', ')})`;
  return agency.kind === 'local-office' ? `A local office of the ${name}.` : `Part of the ${name}.`;
}

function agencyHistory(agency: AgencyRecord, knowledge: Knowledge): string | undefined {
  const parts: string[] = [];
  if (agency.history) parts.push(agency.history);
  const successor = agency.successor ? knowledge.agencies.get(agency.successor) : undefined;
  if (successor) {
    parts.push(`Replaced${agency.dissolved ? ` in ${agency.dissolved.slice(0, 4)}` : ''} by **${successor.en.name}** (${successor.zh.name}${successor.abbreviations?.[0] ? `, ${successor.abbreviations[0]}` : ''}).`);
  }
  const predecessors = (agency.predecessors ?? []).map((id) => knowledge.agencies.get(id)).filter((record) => record !== undefined);
  if (predecessors.length > 0 && !agency.history) {
    parts.push(`Took over from ${predecessors.map((record) => `${record.en.name} (${record.zh.name})`).join(' and ')}.`);
  }
  return parts.length > 0 ? `*History:* ${parts.join(' ')}` : undefined;
}

/** A citation (a number, a title, a short name, "the same notice") or the document's own number. */
function citationHover(context: FeatureContext, file: AnalysedFile, annotation: Annotation): string | undefined {
  const target = citedTarget(file, annotation);
  if (!target) return undefined;
  const key = target === 'own' ? ownKey(file) : context.index.resolve(target);
  const info = key ? context.index.notice(key) : undefined;
  // A notice known only by a repeal in the workspace is still described: its status is what the reader needs.
  if (!info || (target !== 'own' && info.files.length === 0 && !info.builtin && !info.repeal)) return unresolvedCitationHover(context, target as CitationTarget);
  const lines = noticeDescription(context, info, file.analysis.language);
  if (target === 'own') lines.push('', '*This document is this notice.*');
  else if (annotation.kind === 'citation' && annotation.via === 'anaphora') lines.unshift(`*“${annotation.text}” — the notice last cited:*`, '');
  else if (annotation.kind === 'citation' && annotation.via === 'shortName') lines.unshift(`*“${annotation.text}” — the short name this document gives it:*`, '');
  return lines.join('\n');
}

function unresolvedCitationHover(context: FeatureContext, target: CitationTarget): string {
  switch (target.kind) {
    case 'number': return unknownNumberHover(context.knowledge, target.number);
    case 'title': return `**《${target.text}》** — a title cited; regtext knows no notice or law of that title in the workspace or its notice table.`;
    case 'serial': return `**${target.text}** — a customary short name (serial ${target.serial}); no single notice with that serial is known in the workspace or regtext's notice table.`;
  }
}

function unknownNumberHover(knowledge: Knowledge, number: NoticeNumber): string {
  const english = numberIn(number, 'en', knowledge);
  const heading = `**${number.key}**${english === number.key ? '' : ` · ${english}`}`;
  return [heading, '', ...issuerLines(knowledge, number), '', '*This notice is neither in the workspace nor in regtext\'s notice table.*'].join('\n');
}

/** What the issuer code of a number says: its description and the agencies it stands for. */
function issuerLines(knowledge: Knowledge, number: NoticeNumber): string[] {
  const issuer = knowledge.issuerCodes.get(number.issuer);
  if (!issuer) return [`Issuer code ${number.issuer} is not in regtext's table of issuer codes.`];
  const issuers = issuer.agencies.map((id) => agencyName(knowledge, id)).join(', ');
  return [`Issuer code ${issuer.code}${issuer.description ? ` — ${issuer.description.replace(/\.?$/, '.')}` : ''}`, '', `Issued by ${issuers}.`];
}

/** Titles in both languages, issuers, date, status with the repealing notice and date, and where its files are. */
export function noticeDescription(context: FeatureContext, info: NoticeInfo, language: Language): string[] {
  const { knowledge } = context;
  const record = info.builtin?.record;
  const english = info.number ? numberIn(info.number, 'en', knowledge) : undefined;
  const heading = info.number ? `**${info.number.key}**${english === info.number.key ? '' : ` · ${english}`}` : `**${noticeName(info, language, knowledge)}**`;
  const lines = [heading, ''];
  // The workspace's own file says what the notice is; a built-in record of another title is another notice's.
  const fileTitles = { zh: titleIn(info.files, 'zh'), en: titleIn(info.files, 'en') };
  const builtin = record && !contradicts(record.title, fileTitles) ? record : undefined;
  // With neither, the titles other files cite it by.
  const cited = fileTitles.zh || fileTitles.en || builtin ? [] : context.index.titlesCitedWith(info.key);
  const zhTitle = fileTitles.zh ?? builtin?.title.zh ?? cited.find((title) => /[\u4e00-\u9fff]/.test(title));
  const enTitle = fileTitles.en ?? builtin?.title.en ?? cited.find((title) => !/[\u4e00-\u9fff]/.test(title))?.replace(/^["“]|["”]$/g, '');
  if (zhTitle) lines.push(`《${zhTitle.replace(/^《|》$/g, '')}》`, '');
  if (enTitle) lines.push(`*${enTitle}*`, '');
  if (builtin) {
    const issuers = builtin.issuers.map((id) => agencyName(knowledge, id)).join(', ');
    lines.push(`Issued ${builtin.date}${builtin.published ? ` (published ${builtin.published})` : ''} by ${issuers}.`, '');
  } else {
    const issued = info.files.find((summary) => summary.dates.issued)?.dates.issued;
    if (info.number) lines.push(...issuerLines(knowledge, info.number), '');
    if (issued) lines.push(`Issued ${issued}.`, '');
  }
  lines.push(statusLine(context, info));
  if (builtin?.repeals && builtin.repeals.length > 0) {
    lines.push('', `Repeals: ${builtin.repeals.map((number) => repealedName(context, number)).join(', ')}`);
  }
  if (builtin?.summary) lines.push('', builtin.summary);
  if (record && !builtin) lines.push('', `*regtext's notice table knows this number as 《${record.title.zh}》: the workspace's file is another text.*`);
  lines.push('', filesLine(info));
  return lines;
}

/**
 * Whether the workspace's Chinese file is titled otherwise than the built-in record: then it is another text under
 * that number (a draft, a local copy renumbered), and the record does not describe it. English titles are not
 * compared: translations word a title in many ways.
 */
function contradicts(title: { zh: string }, files: { zh: string | undefined }): boolean {
  if (files.zh === undefined) return false;
  const found = normalizeTitle(files.zh);
  const recorded = normalizeTitle(title.zh);
  return found !== undefined && recorded !== undefined && !found.includes(recorded) && !recorded.includes(found);
}

function statusLine(context: FeatureContext, info: NoticeInfo): string {
  const repeal = info.repeal;
  if (repeal) {
    const by = context.index.notice(repeal.byKey);
    const name = by.number ? bothNumbers(by.number, context.knowledge) : noticeName(by, 'zh', context.knowledge);
    return `Status: **repealed** — repealed by ${name}${repeal.date ? ` on ${repeal.date}` : ''}${repeal.source === 'workspace' ? ' (found in the workspace)' : ''}`;
  }
  const status = info.builtin?.record.status;
  if (status && status !== 'unknown') return `Status: **${status.replace('-', ' ')}**`;
  return 'Status: no repeal known to regtext';
}

function repealedName(context: FeatureContext, number: string): string {
  const info = context.index.notice(number);
  return info.number ? bothNumbers(info.number, context.knowledge) : number;
}

function filesLine(info: NoticeInfo): string {
  if (info.files.length === 0) return '*Not in this workspace.*';
  const links = info.files.map((summary) => `[${fileName(summary.uri)}](${summary.uri}) (${summary.language === 'zh' ? 'Chinese' : 'English'})`);
  return `In this workspace: ${links.join(' · ')}`;
}

function titleIn(files: readonly FileSummary[], language: Language): string | undefined {
  return files.find((summary) => summary.language === language && summary.identity?.title)?.identity?.title?.text;
}

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function agencyName(knowledge: Knowledge, id: string): string {
  const agency = knowledge.agencies.get(id);
  if (!agency) return id;
  return agency.abbreviations?.[0] ? `${agency.en.name} (${agency.abbreviations[0]})` : agency.en.name;
}

function termHover(file: AnalysedFile, key: string): string | undefined {
  const term = file.analysis.definitions.find((candidate) => candidate.key === key);
  if (!term) return undefined;
  const line = file.analysis.lines.lineOf(term.span.start) + 1;
  return [`**“${term.term}”** — defined term (line ${line})`, '', `> ${term.definition}`].join('\n');
}

function referenceHover(file: AnalysedFile, reference: ClauseReference): string {
  const { analysis } = file;
  if (reference.target === undefined) return `**${reference.text}** — points to no clause of this document.`;
  const clause = analysis.clauses[reference.target]!;
  const line = analysis.lines.lineOf(clause.labelSpan.start) + 1;
  const lines = [`**${clause.label}** ${clause.title}`.trim() + ` (line ${line})`, '', clause.firstSentence];
  if (reference.targetSpan) {
    const paragraph = analysis.text.slice(reference.targetSpan.start, reference.targetSpan.end).trim();
    lines.push('', `> ${truncate(paragraph, 300)}`);
  }
  return lines.join('\n');
}

/** "Clause (5) of Yinfa [2026] No. 42": the clause in the cited notice's file, or what is known of that notice. */
function externalReferenceHover(context: FeatureContext, file: AnalysedFile, reference: ClauseReference): string {
  const text = reference.text.replace(/\s+/g, ' ');
  const cites = reference.external?.cites;
  if (!cites) return `**${text}** — a reference into another document, which regtext cannot identify.`;
  const { info, hits } = referenceInto(context.index, cites, reference.steps, file.analysis.language);
  if (!info) return `**${text}** — a reference into a document regtext cannot identify.`;
  const name = noticeName(info, file.analysis.language, context.knowledge);
  const hit = hits[0];
  if (hit) {
    const line = rangeIn(hit.summary, hit.clause.labelSpan).start.line;
    return [
      `**${hit.clause.label}** ${hit.clause.title}`.trim() + ` — in ${name} ([${fileName(hit.summary.uri)}](${hit.summary.uri}#L${line + 1}))`,
      '', hit.clause.firstSentence,
    ].join('\n');
  }
  if (info.files.length > 0) return `**${text}** — ${name} has no such clause (${inLanguageOrder(info.files, file.analysis.language).map((summary) => fileName(summary.uri)).join(', ')}).`;
  return [`**${text}** of ${name} — that notice is not in this workspace.`, '', ...noticeDescription(context, info, file.analysis.language)].join('\n');
}

function labelHover(context: FeatureContext, file: AnalysedFile, site: ClauseLabelSite): string {
  const { analysis } = file;
  const clause = analysis.clauses[site.clause]!;
  const count = analysis.references.filter((reference) => reference.target === clause.id).length;
  const parent = clause.parent === undefined ? '' : ` in ${analysis.clauses[clause.parent]!.label}`;
  const own = ownKey(file);
  const fromOthers = own ? context.index.referencesInto(own).filter(({ summary, reference }) =>
    summary.uri !== file.uri && crossFileTarget(reference.steps, file) === clause.id).length : 0;
  const elsewhere = fromOthers > 0 ? ` and ${fromOthers} time${fromOthers === 1 ? '' : 's'} from other files` : '';
  return `**${clause.label}** ${clause.title}`.trim() + `\n\n${clause.kind}${parent} · referred to ${count} time${count === 1 ? '' : 's'} in this document${elsewhere}`;
}

/** The clause of this document that another file's reference steps name, in its current clause tree. */
export function crossFileTarget(steps: ClauseReference['steps'], file: AnalysedFile): number | undefined {
  return new ClauseResolver(file.analysis.clauses).resolve(steps)?.clause;
}

/** RWA in a document that spells it out as Regional Water Authority: what it stands for here, not the ban. */
function redefinedAcronymHover(file: AnalysedFile, hit: BannedTermHit, knowledge: Knowledge): string {
  const standsFor = hit.standsFor!;
  const line = file.analysis.lines.lineOf(standsFor.start) + 1;
  const list = knowledge.terms.get(hit.termId)?.list;
  const words = standsFor.text.replace(/\s+/g, ' ');
  return [`**${hit.text}** — “${words}”, as this document spells it out (line ${line})`, '',
    `*Not the banned acronym${list ? ` of ${list.name}` : ''}: not reported.*`].join('\n');
}

const PLACEMENT_WORDS: Readonly<Record<TermPlacement, string>> = {
  entityName: 'in an entity name', businessScope: 'in a business scope',
  regulatoryText: 'in the prose of a regulatory text (this document is a notice, measures or a law)', drafting: 'in drafting (not a name, a scope or a regulatory text)',
};

const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: 'an error', warning: 'a warning', information: 'information', hint: 'a hint' };

/** Where the use stands, and what the list makes of it there. */
function placementNote(list: BannedTermList, placement: TermPlacement): string {
  const severity = list.placements?.[placement] ?? list.severity;
  return `*Seen ${PLACEMENT_WORDS[placement]}: ${severity === 'off' ? 'not reported there' : `reported as ${SEVERITY_WORDS[severity]}`}.*`;
}

function bannedTermHover(hit: BannedTermHit, knowledge: Knowledge): string {
  const entry = knowledge.terms.get(hit.termId);
  if (!entry) return `**Banned term** “${hit.text}”`;
  const { list, term } = entry;
  const forms = [...new Set([...term.en, ...term.zh])].map((form) => `“${form}”`).join(', ');
  const sourceNotice = knowledge.notices.get(list.source.notice);
  const source = `${sourceNotice?.number ? bothNumbers(sourceNotice.number, knowledge) : list.source.notice}, clause ${list.source.clause}`;
  const lines = [`**Banned term** “${hit.text.replace(/\s+/g, ' ')}” — ${list.name}`, '', list.reason, '', `Source: ${source}`, '', `Forms: ${forms}`];
  if (hit.placement) lines.push('', placementNote(list, hit.placement));
  if (hit.context === 'citation') lines.push('', '*Here it stands inside a quoted official title: a citation, not reported.*');
  if (hit.context === 'mention') lines.push('', '*Here it is quoted as a word (a mention), not reported.*');
  return lines.join('\n');
}
