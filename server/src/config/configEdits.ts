/**
 * Edits to a workspace configuration made from the editor: a selected phrase added to the workspace's own banned
 * terms. With jsonc-parser's `modify`, so the file's comments and layout stay as they are. Pure: text in, edits out.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type ParseError } from 'jsonc-parser/lib/esm/main.js';

/** The list a phrase is added to, created the first time. */
export const WORKSPACE_LIST_ID = 'workspace-terms';

const FORMATTING = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The term a phrase becomes: its id, and its form in the language it is written in. */
function termOf(phrase: string): { id: string; en?: string[]; zh?: string[] } {
  const chinese = /[\u4e00-\u9fff]/.test(phrase);
  const slug = phrase.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const id = slug || `term-${[...phrase].map((char) => char.codePointAt(0)!.toString(16)).join('')}`;
  return chinese ? { id, zh: [phrase] } : { id, en: [phrase] };
}

/**
 * The edits that add `phrase` to the workspace's list in a configuration's text (undefined: no file yet, and the
 * edits write a new one into an empty text). Undefined when the text cannot be parsed (the user fixes it first).
 */
export function addBannedTermEdits(configText: string | undefined, phrase: string): Edit[] | undefined {
  const text = configText ?? '{}\n';
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!tree || tree.type !== 'object' || errors.length > 0) return undefined;
  const lists = findNodeAtLocation(tree, ['termLists']);
  const index = lists?.children?.findIndex((list) => findNodeAtLocation(list, ['id'])?.value === WORKSPACE_LIST_ID) ?? -1;
  const term = termOf(phrase);
  const edits = index >= 0
    ? modify(text, ['termLists', index, 'terms', -1], term, FORMATTING)
    : modify(text, ['termLists', lists?.children ? lists.children.length : 0], {
      id: WORKSPACE_LIST_ID, name: 'Terms this workspace bans', source: { notice: 'Workspace policy', clause: '-' }, severity: 'warning',
      reason: 'Added from the editor: edit this reason to say why.', terms: [term],
    }, FORMATTING);
  if (configText !== undefined) return edits;
  // A new file: the whole text, as one insertion into the empty file.
  return [{ offset: 0, length: 0, content: applyEdits(text, edits) }];
}
