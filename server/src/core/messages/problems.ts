/**
 * A problem's message, written when diagnostics are asked for: the analysis keeps codes and arguments only
 * (model.ts, ProblemDetail), and this is the one place they become words.
 */
import type { Knowledge } from '../knowledge/compile';
import type { DeclineReason, Problem, ProblemDetail } from '../model';
import { formatLabel } from '../scan/clauseLabels';
import { FoldedText } from '../text/folded';
import { numberIn } from '../workspace/crossFile';
import { messagesFor, type Locale } from './index';
import type { Messages } from './en';

export interface MessageContext {
  readonly messages: Messages;
  readonly locale: Locale;
  readonly knowledge: Knowledge;
}

/** A problem of an analysis in words (English unless a locale is given): for tests and tools that read analyses. */
export function formatProblem(problem: Problem, knowledge: Knowledge, locale: Locale = 'en'): string {
  return problemMessage({ messages: messagesFor(locale), locale, knowledge }, problem);
}

export function problemMessage(context: MessageContext, problem: Problem): string {
  return detailMessage(context, problem.code, problem.detail, problem.previousLine ?? 0);
}

function detailMessage({ messages, locale, knowledge }: MessageContext, code: Problem['code'], detail: ProblemDetail, previousLine: number): string {
  const { problem: say, words } = messages;
  switch (detail.kind) {
    case 'binary': return say.binary();
    case 'internalError': return say.internalError(detail.error);
    case 'outlineOnly': return say.outlineOnly(words.megabytes(detail.maxBytes));
    case 'declined': return declineMessage(messages, detail.reason);
    case 'unresolvedReference': return say.unresolvedReference(FoldedText.fold(detail.text).text);
    case 'bannedTerm': {
      const list = knowledge.terms.get(detail.termId)?.list;
      const notice = list && knowledge.notices.get(list.source.notice)?.number;
      const source = list && { name: list.name, clause: list.source.clause, notice: notice ? numberIn(notice, locale === 'zh-cn' ? 'zh' : 'en', knowledge) : list.source.notice };
      return say.bannedTerm(FoldedText.fold(detail.term).text, source);
    }
    case 'sequence': return withoutDoubleStop(sequenceMessage(messages, code, detail, previousLine));
    case 'firstChild': {
      const expected = [formatLabel(detail.style, 1, detail.prefix), ...(detail.alternative ? [formatLabel(detail.style, detail.alternative, detail.prefix)] : [])];
      return withoutDoubleStop(say.numberingStart(detail.parent, detail.found, words.or(expected)));
    }
  }
}

export function declineMessage(messages: Messages, reason: DeclineReason): string {
  switch (reason.why) {
    case 'notUtf8': return messages.problem.notUtf8();
    case 'tooLarge': return messages.problem.tooLarge(messages.words.megabytes(reason.size), messages.words.megabytes(reason.limit), reason.setting);
    case 'gone': return messages.problem.gone();
  }
}

function sequenceMessage({ problem: say, words }: Messages, code: Problem['code'], detail: Extract<ProblemDetail, { kind: 'sequence' }>, previousLine: number): string {
  const { found, previous, style, prefix, expected, value } = detail;
  const after = say.after(previous, previousLine);
  const label = (number: number) => formatLabel(style, number, prefix);
  switch (code) {
    case 'numbering-style': return say.numberingStyle(after, formatLabel(detail.previousStyle, expected, prefix), found);
    case 'numbering-duplicate': return say.numberingDuplicate(found, previous, previousLine, label(expected));
    case 'numbering-gap': return say.numberingGap(after, label(expected), found, value - expected === 1 ? label(expected) : words.range(label(expected), label(value - 1)));
    default: return say.numberingOrder(after, label(expected), found);
  }
}

/** Labels such as "3." end in a full stop of their own: "expected 3." not "expected 3..". */
function withoutDoubleStop(message: string): string {
  // Most messages have none: a look costs far less than a replace (a million numbering problems are formatted for `check`).
  if (!message.includes('..')) return message;
  return message.replace(/\.\.(?=[\s)]|$)/g, '.');
}
