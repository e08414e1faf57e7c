/** What the analyses report, independent of LSP: a rule code, where, a message, and related places. */
import type { Range } from 'vscode-languageserver-types';
import type { RuleCode } from './rules';

export interface RelatedPlace {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly code: RuleCode;
  readonly range: Range;
  readonly message: string;
  readonly related: RelatedPlace[];
  /** The turn the finding is about (its index in the model), used by quick fixes. */
  readonly turnIndex: number;
}
