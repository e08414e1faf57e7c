import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Finding, sortFindings } from '../../server/src/core/findings';
import type { RuleCode } from '../../server/src/core/rules';

const finding = (line: number, code: RuleCode, id: number): Finding => ({
  code,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  message: `#${id}`,
  related: [],
  turnIndex: id,
});

describe('sortFindings', () => {
  it('orders by line, then rule code, and keeps the order of equal ones (as a stable sort by comparison)', () => {
    const code = fc.constantFrom<RuleCode>('unanswered-question', 'duplicate-question', 'similar-question', 'inconsistent-speaker');
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.tuple(fc.nat({ max: 40 }), code), { maxLength: 63 }), fc.array(fc.tuple(fc.nat({ max: 40 }), code), { minLength: 64, maxLength: 300 })), fc.boolean(), (rows, farLines) => {
        // Far lines: past what the packed keys can hold with this many findings, so the comparison sort runs.
        const findings = rows.map(([line, c], i) => finding(farLines ? line * 2 ** 40 : line, c, i));
        const expected = [...findings].sort((a, b) => a.range.start.line - b.range.start.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
        sortFindings(findings);
        expect(findings.map((f) => f.turnIndex)).toEqual(expected.map((f) => f.turnIndex));
      }),
      { numRuns: 200 },
    );
  });
});
