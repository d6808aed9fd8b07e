/**
 * The server's settings, one place for their defaults. They arrive as initialization options, as `regtext` settings
 * pushed with didChangeConfiguration, or pulled with workspace/configuration (with VS Code's `files.exclude`).
 * Anything missing or malformed keeps its default.
 */
import { DEFAULT_MAX_BYTES, type Diagnostic, type ProblemCode } from './core';

export type DiagnosticsScope = 'workspace' | 'openFiles';

/** The kinds of diagnostics a user turns on or off, each a `regtext.diagnostics.<kind>` setting. */
export type DiagnosticKind = 'bannedTerms' | 'numbering' | 'references' | 'crossFile' | 'suppressions' | 'translation';

/** The kind each rule belongs to; a file not analysed is always said (while diagnostics are on at all). */
const KIND_OF_RULE: Readonly<Record<ProblemCode, DiagnosticKind | undefined>> = {
  'banned-term': 'bannedTerms',
  'numbering-gap': 'numbering',
  'numbering-duplicate': 'numbering',
  'numbering-order': 'numbering',
  'numbering-style': 'numbering',
  'unresolved-reference': 'references',
  'repealed-notice': 'crossFile',
  'missing-clause': 'crossFile',
  'duplicate-notice': 'crossFile',
  'unused-suppression': 'suppressions',
  'translation-missing-clause': 'translation',
  'translation-extra-clause': 'translation',
  'translation-moved-clause': 'translation',
  'translation-numbering': 'translation',
  'translation-mismatch': 'translation',
  'translation-term': 'translation',
  'not-analysed': undefined,
};

export interface Settings {
  maxFileSizeMB: number;
  /** Globs of the files the workspace index covers, relative to each workspace folder. */
  include: string[];
  /** Globs of files and folders it leaves out: regtext.files.exclude and VS Code's files.exclude. */
  exclude: string[];
  maxFiles: number;
  maxWorkspaceSizeMB: number;
  diagnosticsScope: DiagnosticsScope;
  /** regtext.diagnostics.enable: the master switch. */
  diagnostics: boolean;
  /** regtext.diagnostics.<kind>: each kind on or off. */
  diagnosticKinds: Readonly<Record<DiagnosticKind, boolean>>;
  /** regtext.inlayHints.enable: the master switch of inlay hints. */
  inlayHints: boolean;
  repealedNoticeHints: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  maxFileSizeMB: DEFAULT_MAX_BYTES / (1024 * 1024),
  include: ['**/*.{txt,md,notice,regtext}'],
  exclude: [],
  maxFiles: 20000,
  maxWorkspaceSizeMB: 1024,
  diagnosticsScope: 'workspace',
  diagnostics: true,
  diagnosticKinds: Object.freeze({ bannedTerms: true, numbering: true, references: true, crossFile: true, suppressions: true, translation: true }),
  inlayHints: true,
  repealedNoticeHints: true,
});

/** The diagnostics the settings let through. */
export function shownDiagnostics(settings: Settings, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!settings.diagnostics) return [];
  const kinds = settings.diagnosticKinds;
  if (Object.values(kinds).every(Boolean)) return diagnostics;
  return diagnostics.filter((diagnostic) => {
    const kind = KIND_OF_RULE[diagnostic.code];
    return kind === undefined || kinds[kind];
  });
}

/** Folders never indexed, whatever the settings say. */
export const ALWAYS_EXCLUDED = ['**/node_modules', '**/.git'];

/**
 * Settings from the `regtext` section (nested as VS Code sends it: `{ files: { include } }`, or flat as
 * initialization options may give it: `{ maxFileSizeMB }`), and `files.exclude` (an object of glob: boolean).
 */
export function readSettings(regtext: unknown, filesExclude?: unknown): Settings {
  const section = (regtext ?? {}) as Record<string, unknown>;
  const files = (section.files ?? {}) as Record<string, unknown>;
  const workspace = (section.workspace ?? {}) as Record<string, unknown>;
  const diagnostics = (section.diagnostics ?? {}) as Record<string, unknown>;
  const inlayHints = (section.inlayHints ?? {}) as Record<string, unknown>;
  return {
    maxFileSizeMB: positive(section.maxFileSizeMB) ?? DEFAULT_SETTINGS.maxFileSizeMB,
    include: strings(files.include) ?? DEFAULT_SETTINGS.include,
    exclude: [...(strings(files.exclude) ?? []), ...enabledGlobs(filesExclude)],
    maxFiles: positive(workspace.maxFiles) ?? DEFAULT_SETTINGS.maxFiles,
    maxWorkspaceSizeMB: positive(workspace.maxSizeMB) ?? DEFAULT_SETTINGS.maxWorkspaceSizeMB,
    diagnosticsScope: diagnostics.scope === 'openFiles' ? 'openFiles' : 'workspace',
    diagnostics: diagnostics.enable !== false,
    diagnosticKinds: {
      bannedTerms: diagnostics.bannedTerms !== false, numbering: diagnostics.numbering !== false, references: diagnostics.references !== false,
      crossFile: diagnostics.crossFile !== false, suppressions: diagnostics.suppressions !== false, translation: diagnostics.translation !== false,
    },
    inlayHints: inlayHints.enable !== false,
    repealedNoticeHints: inlayHints.repealedNotices !== false,
  };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') && value.length > 0 ? value : undefined;
}

/** VS Code's files.exclude: `{ "**\/.git": true, "**\/*.js": { "when": … } }` — the globs set to true. */
function enabledGlobs(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).filter(([, enabled]) => enabled === true).map(([glob]) => glob);
}
