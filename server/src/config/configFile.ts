/**
 * A workspace's configuration file, `.regtext/config.json` (JSON with comments), and the data files it names: parsed
 * with the position of every value, validated against server/src/knowledge/schema/config.schema.json, and every
 * problem placed where it is in the file (a syntax error at its character, a schema violation on the value or the
 * property at fault). Pure: text in, values and problems out; reading files is the caller's.
 */
import type { ErrorObject } from 'ajv';
// The ES build: the default (UMD) one requires its own modules at run time, which a bundle cannot follow.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
// Compiled from the JSON schemas when the bundle is built, not at every start (scripts/configValidators.mjs).
import { validateConfig, validateDataFile } from 'regtext:config-validators';
import type { AgencyRecord, BannedTermList, IssuerCodeRecord, NoticeRecord, ProblemCode, Severity, TermPlacement } from '../core';

/** Where a workspace folder keeps its configuration. */
export const CONFIG_FILE = '.regtext/config.json';

/** Knowledge a configuration or a data file adds. */
export interface ConfigData {
  termLists?: BannedTermList[];
  agencies?: AgencyRecord[];
  notAgencies?: string[];
  notices?: NoticeRecord[];
  issuerCodes?: IssuerCodeRecord[];
}

export interface WorkspaceConfig extends ConfigData {
  builtinTermLists?: Record<string, boolean>;
  /** Severities by where a banned term stands, for every list. */
  placements?: Partial<Record<TermPlacement, Severity | 'off'>>;
  rules?: Partial<Record<ProblemCode, Severity | 'off'>>;
  files?: { include?: string[]; exclude?: string[] };
  limits?: { maxFileSizeMB?: number; maxFiles?: number; maxWorkspaceSizeMB?: number };
  dataFiles?: string[];
}

/** A problem in a configuration file: where (UTF-16 offsets into its text) and what. */
export interface ConfigProblem {
  start: number;
  end: number;
  message: string;
}

export interface Parsed<T> {
  /** The value, when the file is valid; undefined when it has problems. */
  value: T | undefined;
  problems: ConfigProblem[];
}

export function parseConfig(text: string): Parsed<WorkspaceConfig> {
  return parseAndValidate<WorkspaceConfig>(text, validateConfig);
}

export function parseDataFile(text: string): Parsed<ConfigData> {
  return parseAndValidate<ConfigData>(text, validateDataFile);
}

function parseAndValidate<T>(text: string, validate: typeof validateConfig): Parsed<T> {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const problems = errors.map((error) => ({ start: error.offset, end: error.offset + Math.max(1, error.length), message: syntaxMessage(error) }));
    return { value: undefined, problems: problems.length > 0 ? problems : [{ start: 0, end: 0, message: 'The file holds no JSON value.' }] };
  }
  const value: unknown = JSON.parse(JSON.stringify(nodeValue(tree)));
  if (validate(value)) {
    const duplicates = duplicateIds(tree, value as ConfigData);
    return { value: duplicates.length === 0 ? value as T : undefined, problems: duplicates };
  }
  return { value: undefined, problems: (validate.errors ?? []).filter(isReported).map((error) => schemaProblem(tree, error)) };
}

/** Where the value at a path is in a valid file's text (the whole file if the path leads nowhere). */
export function locate(text: string, path: (string | number)[]): { start: number; end: number } {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = tree && (findNodeAtLocation(tree, path) ?? tree);
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}

function syntaxMessage(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  // InvalidSymbol → "invalid symbol": the parser's own names, in words.
  return `Not valid JSON here: ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`;
}

/** The value a parse tree stands for (jsonc-parser's getNodeValue, without depending on its internals). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': return Object.fromEntries((node.children ?? []).map((property) => [property.children![0]!.value as string, nodeValue(property.children![1]!)]));
    case 'array': return (node.children ?? []).map(nodeValue);
    default: return node.value;
  }
}

/** ajv reports each failed branch of an anyOf as well as the anyOf itself: the branches say nothing more. */
function isReported(error: ErrorObject): boolean {
  return !error.schemaPath.includes('/anyOf/');
}

function schemaProblem(tree: Node, error: ErrorObject): ConfigProblem {
  const path = error.instancePath.split('/').slice(1).map((segment) => {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
  const node = findNodeAtLocation(tree, path) ?? tree;
  const at = placeOf(node, error);
  return { ...at, message: `${describePath(path)} ${messageOf(error)}` };
}

/** The part of the file an error is about: an unknown property's name, else the value at fault. */
function placeOf(node: Node, error: ErrorObject): { start: number; end: number } {
  const unknown = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const key = unknown === undefined ? undefined : node.children?.find((property) => property.children?.[0]?.value === unknown)?.children?.[0];
  const target = key ?? node;
  return { start: target.offset, end: target.offset + target.length };
}

function describePath(path: (string | number)[]): string {
  if (path.length === 0) return 'The configuration';
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('').replace(/^\./, '');
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties': return `has no property "${(error.params as { additionalProperty: string }).additionalProperty}".`;
    case 'enum': return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'anyOf': return 'must have English ("en") or Chinese ("zh") forms, or both.';
    default: return `${error.message ?? 'is not valid'}.`;
  }
}

type Entry = { id: string | undefined; path: (string | number)[] };

/** Two entries of one kind with the same id (a list, a term, an agency): the second would silently replace the first. */
function duplicateIds(tree: Node, data: ConfigData): ConfigProblem[] {
  const entries = (name: keyof ConfigData, ids: (string | undefined)[]): Entry[] => ids.map((id, index) => ({ id, path: [name, index] }));
  const terms = (data.termLists ?? []).flatMap((list, listIndex) => list.terms.map((term, termIndex): Entry => ({ id: term.id, path: ['termLists', listIndex, 'terms', termIndex] })));
  return [
    ...repeated(tree, entries('termLists', (data.termLists ?? []).map((list) => list.id)), 'The term list'),
    ...repeated(tree, terms, 'The term', ' (term ids are unique across lists)'),
    ...repeated(tree, entries('agencies', (data.agencies ?? []).map((agency) => agency.id)), 'The agency'),
    ...repeated(tree, entries('issuerCodes', (data.issuerCodes ?? []).map((record) => record.code)), 'The issuer code'),
    ...repeated(tree, entries('notices', (data.notices ?? []).map((notice) => notice.number)), 'The notice'),
  ];
}

function repeated(tree: Node, entries: Entry[], what: string, why = ''): ConfigProblem[] {
  const seen = new Set<string>();
  return entries.flatMap(({ id, path }) => {
    if (id === undefined) return [];
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    const node = findNodeAtLocation(tree, path) ?? tree;
    return [{ start: node.offset, end: node.offset + node.length, message: `${what} "${id}" appears twice${why}.` }];
  });
}
