/** Hover text (Markdown) for whatever is under the cursor. */
import type { Knowledge } from '../knowledge/compile';
import { canonicalNoticeKey } from '../knowledge/compile';
import type { AgencyRecord, NoticeRecord } from '../knowledge/types';
import type {
  AgencyMention, AnalysedDocument, Annotation, BannedTermHit, ClauseLabelSite, ClauseReference, NoticeNumberMention, Span,
} from '../model';
import { annotationsAt } from './annotationAt';
import { truncate } from '../scan/clauseTree';

export interface HoverResult {
  markdown: string;
  span: Span;
}

/**
 * The hover for what is under the cursor: the innermost annotation first, then whatever else covers the cursor
 * (the notice number an agency's name begins, the banned term a defined term also is), each described once.
 */
export function hover(document: AnalysedDocument, knowledge: Knowledge, offset: number): HoverResult | undefined {
  const covering = annotationsAt(document, offset);
  const best = covering[0];
  if (!best) return undefined;
  const inside = covering.filter((annotation) => annotation === best || (annotation.end > offset && annotation.kind !== 'clauseLabel'));
  const sections = [...new Set(inside.map((annotation) => describe(document, knowledge, annotation)))].filter((text) => text !== undefined);
  return sections.length > 0 ? { markdown: sections.join('\n\n---\n\n'), span: { start: best.start, end: best.end } } : undefined;
}

function describe(document: AnalysedDocument, knowledge: Knowledge, annotation: Annotation): string | undefined {
  switch (annotation.kind) {
    case 'agency': return agencyHover(annotation, knowledge);
    case 'noticeNumber': return noticeHover(annotation, knowledge);
    case 'termUse':
    case 'termDefinition': return termHover(document, annotation.key);
    case 'clauseRef': return referenceHover(document, annotation);
    case 'clauseLabel': return labelHover(document, annotation);
    case 'bannedTerm': return bannedTermHover(annotation, knowledge);
  }
}

const KIND_LABELS: Record<AgencyRecord['kind'], string> = {
  government: 'government',
  regulator: 'regulator',
  ministry: 'ministry',
  court: 'judicial body',
  'commercial-bank': 'commercial bank — not a regulator',
  institution: 'institution — not a regulator',
  association: 'industry association — not a regulator',
};

function agencyHover(mention: AgencyMention, knowledge: Knowledge): string | undefined {
  const agency = knowledge.agencies.get(mention.agencyId);
  if (!agency) return undefined;
  const abbreviations = (agency.abbreviations ?? []).map((abbreviation) => `\`${abbreviation}\``).join(' ');
  const lines = [
    `**${agency.en.name}** · ${agency.zh.name}`,
    '',
    [abbreviations, `*${KIND_LABELS[agency.kind]}*`].filter(Boolean).join(' · '),
    '',
    agency.role,
  ];
  const otherNames = [...(agency.zh.aliases ?? []), ...(agency.en.aliases ?? [])];
  if (otherNames.length > 0) lines.push('', `Also written: ${otherNames.join(', ')}`);
  const history = agencyHistory(agency, knowledge);
  if (history) lines.push('', history);
  return lines.join('\n');
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

function noticeHover(mention: NoticeNumberMention, knowledge: Knowledge): string {
  const notice = knowledge.notices.get(mention.key);
  const heading = `**${mention.key}** · ${englishNumber(knowledge, mention.key) ?? mention.text}`;
  if (notice) return [heading, '', ...noticeDetails(notice, knowledge)].join('\n');
  const issuer = knowledge.issuerCodes.get(mention.issuer);
  const issuers = issuer ? issuer.agencies.map((id) => agencyName(knowledge, id)).join(', ') : undefined;
  const about = issuer
    ? [`Issuer code ${issuer.code}${issuer.description ? ` — ${issuer.description.replace(/\.?$/, '.')}` : ''}`, '', `Issued by ${issuers}.`]
    : [`Issuer code ${mention.issuer} is not in regtext's table of issuer codes.`];
  return [heading, '', ...about, '', '*This notice is not in regtext\'s notice table.*'].join('\n');
}

function noticeDetails(notice: NoticeRecord, knowledge: Knowledge): string[] {
  const lines = [`《${notice.title.zh}》`, '', `*${notice.title.en}*`, ''];
  const issuers = notice.issuers.map((id) => agencyName(knowledge, id)).join(', ');
  lines.push(`Issued ${notice.date}${notice.published ? ` (published ${notice.published})` : ''} by ${issuers}.`);
  lines.push('', `Status: **${notice.status.replace('-', ' ')}**${notice.repealedBy ? ` — repealed by ${numberWithEnglish(knowledge, notice.repealedBy)}` : ''}`);
  if (notice.repeals && notice.repeals.length > 0) {
    lines.push('', `Repeals: ${notice.repeals.map((number) => numberWithEnglish(knowledge, number)).join(', ')}`);
  }
  if (notice.summary) lines.push('', notice.summary);
  return lines;
}

function agencyName(knowledge: Knowledge, id: string): string {
  const agency = knowledge.agencies.get(id);
  if (!agency) return id;
  return agency.abbreviations?.[0] ? `${agency.en.name} (${agency.abbreviations[0]})` : agency.en.name;
}

function numberWithEnglish(knowledge: Knowledge, number: string): string {
  const english = englishNumber(knowledge, canonicalNoticeKey(number, knowledge.issuerCodes));
  return english ? `${number} (${english})` : number;
}

/** "Yinfa [2021] No. 237" for "银发〔2021〕237号", where the issuer code has an English rendering. */
function englishNumber(knowledge: Knowledge, key: string): string | undefined {
  const match = /^(.+?)(?:〔(\d{4})〕)?第?(\d+)号$/.exec(key);
  if (!match) return undefined;
  const english = knowledge.issuerCodes.get(match[1]!)?.en[0];
  if (!english) return undefined;
  return match[2] ? `${english} [${match[2]}] No. ${match[3]}` : `${english} No. ${match[3]}`;
}

function termHover(document: AnalysedDocument, key: string): string | undefined {
  const term = document.definitions.find((candidate) => candidate.key === key);
  if (!term) return undefined;
  const line = document.lines.lineOf(term.span.start) + 1;
  return [`**“${term.term}”** — defined term (line ${line})`, '', `> ${term.definition}`].join('\n');
}

function referenceHover(document: AnalysedDocument, reference: ClauseReference): string {
  if (reference.target === undefined) return `**${reference.text}** — points to no clause of this document.`;
  const clause = document.clauses[reference.target]!;
  const line = document.lines.lineOf(clause.labelSpan.start) + 1;
  const lines = [`**${clause.label}** ${clause.title}`.trim() + ` (line ${line})`, '', clause.firstSentence];
  if (reference.targetSpan) {
    const paragraph = document.text.slice(reference.targetSpan.start, reference.targetSpan.end).trim();
    lines.push('', `> ${truncate(paragraph, 300)}`);
  }
  return lines.join('\n');
}

function labelHover(document: AnalysedDocument, site: ClauseLabelSite): string {
  const clause = document.clauses[site.clause]!;
  const count = document.references.filter((reference) => reference.target === clause.id).length;
  const parent = clause.parent === undefined ? '' : ` in ${document.clauses[clause.parent]!.label}`;
  return `**${clause.label}** ${clause.title}`.trim() + `\n\n${clause.kind}${parent} · referred to ${count} time${count === 1 ? '' : 's'} in this document`;
}

function bannedTermHover(hit: BannedTermHit, knowledge: Knowledge): string {
  const entry = knowledge.terms.get(hit.termId);
  if (!entry) return `**Banned term** “${hit.text}”`;
  const { list, term } = entry;
  const forms = [...new Set([...term.en, ...term.zh])].map((form) => `“${form}”`).join(', ');
  const source = `${numberWithEnglish(knowledge, list.source.notice)}, clause ${list.source.clause}`;
  const lines = [`**Banned term** “${hit.text.replace(/\s+/g, ' ')}” — ${list.name}`, '', list.reason, '', `Source: ${source}`, '', `Forms: ${forms}`];
  if (hit.context === 'citation') lines.push('', '*Here it stands inside a quoted official title: a citation, not reported.*');
  if (hit.context === 'mention') lines.push('', '*Here it is quoted as a word (a mention), not reported.*');
  return lines.join('\n');
}
