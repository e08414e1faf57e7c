/** Analysis settings. The editor (`transcript.*` settings) fills these; defaults apply otherwise. */

export type RuleLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface TranscriptSettings {
  /** Labels whose every turn is a question (added to the built-in ones such as `提问`, `Q`). */
  questionSpeakers: string[];
  /** Labels that never ask: their turns are answers even when they contain a question mark. */
  answerSpeakers: string[];
  /** Longest accepted speaker label, in characters (without timestamp and colon). */
  maxLabelLength: number;
  /** Jaccard similarity (0..1) at or above which two questions are reported as similar. */
  similarQuestionThreshold: number;
  /** Per-rule level overrides, keyed by rule code (`duplicate-question`, …). */
  rules: Partial<Record<string, RuleLevel>>;
  /** Inlay hints after each question (who answered, and how long). Off by default. */
  inlayHints: { enabled: boolean };
}

export const DEFAULT_SETTINGS: TranscriptSettings = {
  questionSpeakers: [],
  answerSpeakers: [],
  maxLabelLength: 32,
  similarQuestionThreshold: 0.9,
  rules: {},
  inlayHints: { enabled: false },
};

/** Fills in defaults and clamps values from an untrusted settings object (editor or config file). */
export function resolveSettings(input: unknown): TranscriptSettings {
  const source = isRecord(input) ? input : {};
  const rules: Partial<Record<string, RuleLevel>> = {};
  if (isRecord(source.rules)) {
    for (const [code, level] of Object.entries(source.rules)) {
      if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)) {
        rules[code] = level as RuleLevel;
      }
    }
  }
  const threshold = typeof source.similarQuestionThreshold === 'number' ? source.similarQuestionThreshold : NaN;
  const maxLabel = typeof source.maxLabelLength === 'number' ? source.maxLabelLength : NaN;
  return {
    questionSpeakers: stringList(source.questionSpeakers),
    answerSpeakers: stringList(source.answerSpeakers),
    maxLabelLength: Number.isFinite(maxLabel) ? Math.min(200, Math.max(1, Math.floor(maxLabel))) : DEFAULT_SETTINGS.maxLabelLength,
    similarQuestionThreshold: Number.isFinite(threshold)
      ? Math.min(1, Math.max(0.5, threshold))
      : DEFAULT_SETTINGS.similarQuestionThreshold,
    rules,
    inlayHints: {
      enabled: isRecord(source.inlayHints) && typeof source.inlayHints.enabled === 'boolean' ? source.inlayHints.enabled : DEFAULT_SETTINGS.inlayHints.enabled,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/**
 * Combines two untrusted settings objects (editor settings and a project config file, say): a
 * shallow merge where the keys of `override` win, except `rules` and `inlayHints`, which are merged
 * per key (rule code, `enabled`).
 * Keys whose value is `undefined` do not override. The result is validated by {@link resolveSettings}.
 */
export function mergeSettings(base: unknown, override: unknown): TranscriptSettings {
  const merged: Record<string, unknown> = {};
  for (const source of [base, override]) {
    if (!isRecord(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      if ((key === 'rules' || key === 'inlayHints') && isRecord(value)) {
        const nested: Record<string, unknown> = isRecord(merged[key]) ? { ...merged[key] } : {};
        for (const [name, item] of Object.entries(value)) if (item !== undefined) nested[name] = item;
        merged[key] = nested;
      } else {
        merged[key] = value;
      }
    }
  }
  return resolveSettings(merged);
}
