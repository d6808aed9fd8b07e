/**
 * Edits to a workspace configuration made from the editor: a selected phrase added to the workspace's own banned
 * terms, an agency found in a text added to its agencies. With jsonc-parser's `modify`, so the file's comments and
 * layout stay as they are. Pure: text in, edits out.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';

/** The list a phrase is added to, created the first time. */
export const WORKSPACE_LIST_ID = 'workspace-terms';

const FORMATTING = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The term a phrase becomes: its id, and its form in the language it is written in. */
function termOf(phrase: string): { id: string; en?: string[]; zh?: string[] } {
  const chinese = /[\u4e00-\u9fff]/.test(phrase);
  const id = idOf(phrase, 'term');
  return chinese ? { id, zh: [phrase] } : { id, en: [phrase] };
}

/**
 * The edits that add `phrase` to the workspace's list in a configuration's text (undefined: no file yet, and the
 * edits write a new one into an empty text). Undefined when the text cannot be parsed (the user fixes it first).
 */
export function addBannedTermEdits(configText: string | undefined, phrase: string): Edit[] | undefined {
  return editConfig(configText, (text, tree) => {
    const lists = findNodeAtLocation(tree, ['termLists']);
    const index = lists?.children?.findIndex((list) => findNodeAtLocation(list, ['id'])?.value === WORKSPACE_LIST_ID) ?? -1;
    const term = termOf(phrase);
    return index >= 0
      ? modify(text, ['termLists', index, 'terms', -1], term, FORMATTING)
      : modify(text, ['termLists', lists?.children ? lists.children.length : 0], {
        id: WORKSPACE_LIST_ID, name: 'Terms this workspace bans', source: { notice: 'Workspace policy', clause: '-' }, severity: 'warning',
        reason: 'Added from the editor: edit this reason to say why.', terms: [term],
      }, FORMATTING);
  });
}

/** An agency found in a text: its name in the language it is written in, and the short name given after it. */
export interface AgencyDraft {
  name: string;
  language: 'en' | 'zh';
  shortName?: string;
  abbreviation?: string;
}

/**
 * The edits that add an agency to a configuration's `agencies` (a new file when there is none). The schema wants a
 * name in both languages: the other language's name starts as the same text, for the user to translate.
 */
export function addAgencyEdits(configText: string | undefined, draft: AgencyDraft): Edit[] | undefined {
  return editConfig(configText, (text, tree) => {
    const agencies = findNodeAtLocation(tree, ['agencies']);
    const ids = new Set((agencies?.children ?? []).map((agency) => findNodeAtLocation(agency, ['id'])?.value));
    const own = { name: draft.name, ...(draft.shortName ? { aliases: [draft.shortName] } : {}) };
    const other = { name: draft.name };
    const record = {
      id: uniqueId(idOf(draft.abbreviation ?? draft.name, 'agency'), ids),
      kind: 'regulator',
      en: draft.language === 'en' ? own : other,
      zh: draft.language === 'zh' ? own : other,
      ...(draft.abbreviation ? { abbreviations: [draft.abbreviation] } : {}),
      role: 'Added from the editor: say what this body does, and give its name in the other language.',
    };
    return modify(text, ['agencies', agencies?.children ? agencies.children.length : 0], record, FORMATTING);
  });
}

/**
 * Runs `edit` on a configuration's parsed text. A new file (no text) is written whole, as one insertion into the
 * empty file; a text that does not parse gets no edits (the user fixes it first).
 */
function editConfig(configText: string | undefined, edit: (text: string, tree: Node) => Edit[]): Edit[] | undefined {
  const text = configText ?? '{}\n';
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!tree || tree.type !== 'object' || errors.length > 0) return undefined;
  const edits = edit(text, tree);
  if (configText !== undefined) return edits;
  return [{ offset: 0, length: 0, content: applyEdits(text, edits) }];
}

/** An id from a phrase: its Latin letters and digits, or its characters' code points. */
function idOf(phrase: string, prefix: string): string {
  const slug = phrase.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || `${prefix}-${[...phrase].map((char) => char.codePointAt(0)!.toString(16)).join('')}`;
}

function uniqueId(id: string, taken: ReadonlySet<unknown>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
