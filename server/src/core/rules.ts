/** The diagnostic rule table: stable codes, default levels, and where each rule is documented. */
import type { RuleLevel, TranscriptSettings } from './settings';

export type RuleCode = 'duplicate-question' | 'similar-question' | 'unanswered-question' | 'inconsistent-speaker' | 'undeclared-speaker';

export interface RuleDefinition {
  readonly code: RuleCode;
  readonly defaultLevel: RuleLevel;
  /** One line, shown in settings and docs. */
  readonly description: string;
}

export const RULES: Readonly<Record<RuleCode, RuleDefinition>> = {
  'duplicate-question': {
    code: 'duplicate-question',
    defaultLevel: 'warning',
    description: 'A question whose text (ignoring case, spacing and punctuation) repeats an earlier question.',
  },
  'similar-question': {
    code: 'similar-question',
    defaultLevel: 'information',
    description: 'A question nearly the same as an earlier one (similarity at or above transcript.similarQuestionThreshold).',
  },
  'unanswered-question': {
    code: 'unanswered-question',
    defaultLevel: 'warning',
    description: 'A question followed by another question, or by the end of the file, with no answer between.',
  },
  'inconsistent-speaker': {
    code: 'inconsistent-speaker',
    defaultLevel: 'information',
    description: 'One speaker under variant labels (case, spacing, dots, full-width letters, or a surname alone): reported on the less frequent forms.',
  },
  'undeclared-speaker': {
    code: 'undeclared-speaker',
    defaultLevel: 'warning',
    description: 'A turn by a speaker missing from the participants the file declares (CHAT @Participants, or a Speakers: line in the preamble).',
  },
};

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** Where each rule is explained: its section of the README. */
export const DOCS_URL = 'https://github.com/transcript-tools/transcript-language-tools#';

export function ruleDocsUrl(code: RuleCode): string {
  return DOCS_URL + code;
}

export function ruleLevel(code: RuleCode, settings: TranscriptSettings): RuleLevel {
  return settings.rules[code] ?? RULES[code].defaultLevel;
}
