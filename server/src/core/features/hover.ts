/** Hover text (Markdown) for whatever is under the cursor, with what the workspace knows about cited notices. */
import type { Hover } from '../api';
import type { AgencyRecord, BannedTermList } from '../knowledge/types';
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
import { namesLanguage, rangeOf, type AnalysedFile, type FeatureContext } from './context';
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
    case 'agency': return agencyHover(context, annotation);
    case 'noticeNumber':
    case 'citation': return citationHover(context, file, annotation);
    case 'termUse':
    case 'termDefinition': return withCounterpart(termHover(context, file, annotation.key), context, file, (view) => counterpartTermHover(context, view, annotation.key));
    case 'clauseRef': return annotation.external ? externalReferenceHover(context, file, annotation) : referenceHover(context, file, annotation);
    case 'clauseLabel': return withCounterpart(labelHover(context, file, annotation), context, file, (view) => counterpartClauseHover(context, view, annotation));
    case 'bannedTerm': return annotation.standsFor ? redefinedAcronymHover(context, file, annotation) : bannedTermHover(context, annotation);
  }
}

/** A hover section with what the file's counterpart in the other language says of the same thing, when it is aligned. */
function withCounterpart(section: string | undefined, context: FeatureContext, file: AnalysedFile, other: (view: CounterpartView) => string | undefined): string | undefined {
  const view = context.counterpart?.(file);
  const extra = view ? other(view) : undefined;
  return section && extra ? `${section}\n\n${extra}` : section;
}

function agencyHover(context: FeatureContext, mention: AgencyMention): string | undefined {
  const { knowledge, messages } = context;
  const agency = knowledge.agencies.get(mention.agencyId);
  if (!agency) return undefined;
  const abbreviations = (agency.abbreviations ?? []).map((abbreviation) => `\`${abbreviation}\``).join(' ');
  const [first, second] = context.locale === 'zh-cn' ? [agency.zh.name, agency.en.name] : [agency.en.name, agency.zh.name];
  const lines = [
    `**${first}** · ${second}`,
    ...writtenOtherwise(context, mention, agency),
    '',
    [abbreviations, `*${messages.hover.agencyKinds[agency.kind]}*`].filter(Boolean).join(' · '),
    '',
    agency.role,
  ];
  const parent = parentLine(context, agency);
  if (parent) lines.push('', parent);
  const otherNames = [...(agency.zh.aliases ?? []), ...(agency.en.aliases ?? [])];
  if (otherNames.length > 0) lines.push('', messages.hover.alsoWritten(otherNames));
  const history = agencyHistory(context, agency);
  if (history) lines.push('', history);
  return lines.join('\n');
}

/** An agency named for a hover: "**People's Bank of China** (中国人民银行, PBOC)", the user's language first. */
function agencyTitle(context: FeatureContext, agency: AgencyRecord): string {
  const [first, second] = context.locale === 'zh-cn' ? [agency.zh.name, agency.en.name] : [agency.en.name, agency.zh.name];
  return `**${first}** (${[second, agency.abbreviations?.[0]].filter(Boolean).join(', ')})`;
}

/**
 * A local office is written many ways (中国人民银行浙江分行, 人民银行浙江省分行, "PBOC Zhejiang Branch"); the hover
 * names it officially, and says how the text wrote it when that differs.
 */
function writtenOtherwise(context: FeatureContext, mention: AgencyMention, agency: AgencyRecord): string[] {
  if (agency.kind !== 'local-office') return [];
  const written = mention.text.replace(/\s+/g, /\p{Script=Han}/u.test(mention.text) ? '' : ' ');
  return written === agency.zh.name || written === agency.en.name ? [] : ['', context.messages.hover.asWritten(written)];
}

/** Whose unit or office the agency is: "A local office of the People's Bank of China (中国人民银行, PBOC)." */
function parentLine(context: FeatureContext, agency: AgencyRecord): string | undefined {
  const parent = agency.parent ? context.knowledge.agencies.get(agency.parent) : undefined;
  if (!parent) return undefined;
  const name = agencyTitle(context, parent);
  return agency.kind === 'local-office' ? context.messages.hover.localOfficeOf(name) : context.messages.hover.partOf(name);
}

function agencyHistory(context: FeatureContext, agency: AgencyRecord): string | undefined {
  const { knowledge, messages } = context;
  const parts: string[] = [];
  if (agency.history) parts.push(agency.history);
  const successor = agency.successor ? knowledge.agencies.get(agency.successor) : undefined;
  if (successor) parts.push(messages.hover.replacedBy(agency.dissolved?.slice(0, 4), agencyTitle(context, successor)));
  const predecessors = (agency.predecessors ?? []).map((id) => knowledge.agencies.get(id)).filter((record) => record !== undefined);
  if (predecessors.length > 0 && !agency.history) {
    const [first, second] = context.locale === 'zh-cn' ? ['zh', 'en'] as const : ['en', 'zh'] as const;
    parts.push(messages.hover.tookOverFrom(predecessors.map((record) => `${record[first].name} (${record[second].name})`)));
  }
  return parts.length > 0 ? messages.hover.history(parts.join(' ')) : undefined;
}

/** A citation (a number, a title, a short name, "the same notice") or the document's own number. */
function citationHover(context: FeatureContext, file: AnalysedFile, annotation: Annotation): string | undefined {
  const target = citedTarget(file, annotation);
  if (!target) return undefined;
  const key = target === 'own' ? ownKey(file) : context.index.resolve(target);
  const info = key ? context.index.notice(key) : undefined;
  // A notice known only by a repeal in the workspace is still described: its status is what the reader needs.
  if (!info || (target !== 'own' && info.files.length === 0 && !info.builtin && !info.repeal)) return unresolvedCitationHover(context, target as CitationTarget);
  const say = context.messages.hover;
  const lines = noticeDescription(context, info, file.analysis.language);
  if (target === 'own') lines.push('', say.ownNotice());
  else if (annotation.kind === 'citation' && annotation.via === 'anaphora') lines.unshift(say.lastCited(annotation.text), '');
  else if (annotation.kind === 'citation' && annotation.via === 'shortName') lines.unshift(say.shortNameOf(annotation.text), '');
  return lines.join('\n');
}

function unresolvedCitationHover(context: FeatureContext, target: CitationTarget): string {
  switch (target.kind) {
    case 'number': return unknownNumberHover(context, target.number);
    case 'title': return context.messages.hover.unknownTitle(target.text);
    case 'serial': return context.messages.hover.unknownSerial(target.text, String(target.serial));
  }
}

function unknownNumberHover(context: FeatureContext, number: NoticeNumber): string {
  const english = numberIn(number, 'en', context.knowledge);
  const heading = `**${number.key}**${english === number.key ? '' : ` · ${english}`}`;
  return [heading, '', ...issuerLines(context, number), '', context.messages.hover.unknownNumber()].join('\n');
}

/** What the issuer code of a number says: its description and the agencies it stands for. */
function issuerLines(context: FeatureContext, number: NoticeNumber): string[] {
  const { knowledge, messages } = context;
  const issuer = knowledge.issuerCodes.get(number.issuer);
  if (!issuer) return [messages.hover.unknownIssuer(number.issuer)];
  const issuers = messages.words.list(issuer.agencies.map((id) => agencyName(context, id)));
  return [messages.hover.issuerCode(issuer.code, issuer.description), '', messages.hover.issuedBy(issuers)];
}

/** Titles in both languages, issuers, date, status with the repealing notice and date, and where its files are. */
export function noticeDescription(context: FeatureContext, info: NoticeInfo, language: Language): string[] {
  const { knowledge, messages: { hover: say, words } } = context;
  const record = info.builtin?.record;
  const english = info.number ? numberIn(info.number, 'en', knowledge) : undefined;
  const heading = info.number ? `**${info.number.key}**${english === info.number.key ? '' : ` · ${english}`}` : `**${noticeName(info, namesLanguage(context, language), knowledge)}**`;
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
    const issuers = words.list(builtin.issuers.map((id) => agencyName(context, id)));
    lines.push(say.issuedOn(builtin.date, builtin.published, issuers), '');
  } else {
    const issued = info.files.find((summary) => summary.dates.issued)?.dates.issued;
    if (info.number) lines.push(...issuerLines(context, info.number), '');
    if (issued) lines.push(say.issued(issued), '');
  }
  lines.push(statusLine(context, info));
  if (builtin?.repeals && builtin.repeals.length > 0) lines.push('', say.repeals(builtin.repeals.map((number) => repealedName(context, number))));
  if (builtin?.summary) lines.push('', builtin.summary);
  if (record && !builtin) lines.push('', say.otherText(record.title.zh));
  lines.push('', filesLine(context, info));
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
  const say = context.messages.hover;
  const repeal = info.repeal;
  if (repeal) {
    const by = context.index.notice(repeal.byKey);
    const name = by.number ? bothNumbers(by.number, context.knowledge) : noticeName(by, 'zh', context.knowledge);
    return say.statusRepealed(name, repeal.date, repeal.source === 'workspace');
  }
  return say.status[info.builtin?.record.status ?? 'unknown'];
}

function repealedName(context: FeatureContext, number: string): string {
  const info = context.index.notice(number);
  return info.number ? bothNumbers(info.number, context.knowledge) : number;
}

function filesLine(context: FeatureContext, info: NoticeInfo): string {
  const say = context.messages.hover;
  if (info.files.length === 0) return say.notInWorkspace();
  return say.inWorkspace(info.files.map((summary) => `[${fileName(summary.uri)}](${summary.uri}) (${say.fileLanguage[summary.language]})`));
}

function titleIn(files: readonly FileSummary[], language: Language): string | undefined {
  return files.find((summary) => summary.language === language && summary.identity?.title)?.identity?.title?.text;
}

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function agencyName(context: FeatureContext, id: string): string {
  const agency = context.knowledge.agencies.get(id);
  if (!agency) return id;
  const name = context.locale === 'zh-cn' ? agency.zh.name : agency.en.name;
  return agency.abbreviations?.[0] ? `${name} (${agency.abbreviations[0]})` : name;
}

function termHover(context: FeatureContext, file: AnalysedFile, key: string): string | undefined {
  const term = file.analysis.definitions.find((candidate) => candidate.key === key);
  if (!term) return undefined;
  const line = file.analysis.lines.lineOf(term.span.start) + 1;
  return [context.messages.hover.definedTerm(term.term, line), '', `> ${term.definition}`].join('\n');
}

function referenceHover(context: FeatureContext, file: AnalysedFile, reference: ClauseReference): string {
  const { analysis } = file;
  const say = context.messages.hover;
  if (reference.target === undefined) return say.noClause(reference.text);
  const clause = analysis.clauses[reference.target]!;
  const line = analysis.lines.lineOf(clause.labelSpan.start) + 1;
  const lines = [`**${clause.label}** ${clause.title}`.trim() + ` ${say.atLine(line)}`, '', clause.firstSentence];
  if (reference.targetSpan) {
    const paragraph = analysis.text.slice(reference.targetSpan.start, reference.targetSpan.end).trim();
    lines.push('', `> ${truncate(paragraph, 300)}`);
  }
  return lines.join('\n');
}

/** "Clause (5) of Yinfa [2026] No. 42": the clause in the cited notice's file, or what is known of that notice. */
function externalReferenceHover(context: FeatureContext, file: AnalysedFile, reference: ClauseReference): string {
  const say = context.messages.hover;
  const text = reference.text.replace(/\s+/g, ' ');
  const cites = reference.external?.cites;
  if (!cites) return say.unidentifiedDocument(text);
  const { info, hits } = referenceInto(context.index, cites, reference.steps, file.analysis.language);
  if (!info) return say.unknownDocument(text);
  const name = noticeName(info, namesLanguage(context, file.analysis.language), context.knowledge);
  const hit = hits[0];
  if (hit) {
    const line = rangeIn(hit.summary, hit.clause.labelSpan).start.line;
    return [
      `**${hit.clause.label}** ${hit.clause.title}`.trim() + ` ${say.clauseIn(name, `[${fileName(hit.summary.uri)}](${hit.summary.uri}#L${line + 1})`)}`,
      '', hit.clause.firstSentence,
    ].join('\n');
  }
  if (info.files.length > 0) return say.noSuchClause(text, name, inLanguageOrder(info.files, file.analysis.language).map((summary) => fileName(summary.uri)));
  return [say.noticeNotHere(text, name), '', ...noticeDescription(context, info, file.analysis.language)].join('\n');
}

function labelHover(context: FeatureContext, file: AnalysedFile, site: ClauseLabelSite): string {
  const { analysis } = file;
  const clause = analysis.clauses[site.clause]!;
  const count = analysis.references.filter((reference) => reference.target === clause.id).length;
  const parent = clause.parent === undefined ? undefined : analysis.clauses[clause.parent]!.label;
  const own = ownKey(file);
  const fromOthers = own ? context.index.referencesInto(own).filter(({ summary, reference }) =>
    summary.uri !== file.uri && crossFileTarget(reference.steps, file) === clause.id).length : 0;
  const say = context.messages.hover;
  return `**${clause.label}** ${clause.title}`.trim() + `\n\n${say.labelUses(say.clauseKinds[clause.style === 'annex' ? 'annex' : clause.kind], parent, count, fromOthers)}`;
}

/** The clause of this document that another file's reference steps name, in its current clause tree. */
export function crossFileTarget(steps: ClauseReference['steps'], file: AnalysedFile): number | undefined {
  return new ClauseResolver(file.analysis.clauses).resolve(steps)?.clause;
}

/** RWA in a document that spells it out as Regional Water Authority: what it stands for here, not the ban. */
function redefinedAcronymHover(context: FeatureContext, file: AnalysedFile, hit: BannedTermHit): string {
  const standsFor = hit.standsFor!;
  const line = file.analysis.lines.lineOf(standsFor.start) + 1;
  const list = context.knowledge.terms.get(hit.termId)?.list;
  const words = standsFor.text.replace(/\s+/g, ' ');
  const say = context.messages.hover;
  return [say.spelledOut(hit.text, words, line), '', say.notTheBannedAcronym(list?.name)].join('\n');
}

/** Where the use stands, and what the list makes of it there. */
function placementNote(context: FeatureContext, list: BannedTermList, placement: TermPlacement): string {
  const say = context.messages.hover;
  const severity = list.placements?.[placement] ?? list.severity;
  return say.seen(say.placements[placement], severity === 'off' ? undefined : say.severities[severity]);
}

function bannedTermHover(context: FeatureContext, hit: BannedTermHit): string {
  const { knowledge, messages: { hover: say, words } } = context;
  const entry = knowledge.terms.get(hit.termId);
  if (!entry) return `${say.bannedTerm()} ${words.quote(hit.text)}`;
  const { list, term } = entry;
  const forms = [...new Set([...term.en, ...term.zh])].map((form) => words.quote(form));
  const sourceNotice = knowledge.notices.get(list.source.notice);
  const notice = sourceNotice?.number && (context.locale === 'zh-cn' ? numberIn(sourceNotice.number, 'zh', knowledge) : bothNumbers(sourceNotice.number, knowledge));
  const source = say.clause(notice || list.source.notice, list.source.clause);
  const lines = [`${say.bannedTerm()} ${words.quote(hit.text.replace(/\s+/g, ' '))} — ${list.name}`, '', list.reason, '', say.source(source), '', say.forms(forms)];
  if (hit.placement) lines.push('', placementNote(context, list, hit.placement));
  if (hit.context === 'citation') lines.push('', say.inCitation());
  if (hit.context === 'mention') lines.push('', say.inMention());
  return lines.join('\n');
}
