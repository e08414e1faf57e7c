/**
 * Property tests of the pure core and the language service on arbitrary text: the parser never
 * throws, every range it hands out lies inside the document, and every quick fix changes only the
 * lines of the turn or exchange it names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocumentSymbol, type Range, SymbolKind, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, TranscriptAnalysis } from '../../server/src/core/analysis';
import { answerSummaries } from '../../server/src/core/answerSummaries';
import { unansweredDuplicates } from '../../server/src/core/fixes';
import { identityGroupOf } from '../../server/src/core/speakerIdentity';
import type { Turn } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parser';
import { ruleLevel } from '../../server/src/core/rules';
import { type SemanticSpan, semanticSpans } from '../../server/src/core/semanticSpans';
import { resolveSettings, TranscriptSettings } from '../../server/src/core/settings';
import { codeActions, FIX_ALL_TITLE } from '../../server/src/service/codeActions';
import { diagnostics } from '../../server/src/service/diagnostics';
import { documentSymbols } from '../../server/src/service/documentSymbols';
import { foldingRanges } from '../../server/src/service/foldingRanges';
import { hover } from '../../server/src/service/hover';
import { FIXTURES } from '../unit/helpers';
import { shorten } from '../../server/src/service/text';
import { summary } from '../../server/src/service/transcriptInfo';

const URI = 'file:///property.transcript';

/**
 * Our own fixtures (court margins, CHAT tiers, annotations, timestamps, repeated questions): the
 * comparisons of table-made results with the views' also run on each of them, so the rare shapes
 * are covered whatever the random draws.
 */
const FIXTURE_TEXTS = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt') || name.endsWith('.transcript'))
  .map((name) => readFileSync(path.join(FIXTURES, name), 'utf8'));
/** {@link FIXTURE_TEXTS} followed by arbitrary transcripts. */
const fixturesThenAny = (check: (text: string) => void): void => {
  for (const text of FIXTURE_TEXTS) check(text);
  fc.assert(fc.property(anyText, check), { numRuns: NUM_RUNS });
};

const NUM_RUNS = 250;

// ---------------------------------------------------------------------------------------------
// An independent view of the document's lines (LSP line breaks: \n, \r\n, lone \r).

interface Lines {
  readonly text: string;
  readonly starts: number[];
  /** End of each line's content, before its line break. */
  readonly ends: number[];
  readonly count: number;
  content(line: number): string;
  /** The line break after `line` ('' for the last line). */
  lineBreak(line: number): string;
}

function linesOf(text: string): Lines {
  const starts = [0];
  const ends: number[] = [];
  const breaks = /\r\n|\r|\n/g;
  let match: RegExpExecArray | null;
  while ((match = breaks.exec(text)) !== null) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return {
    text,
    starts,
    ends,
    count: starts.length,
    content: (line) => text.slice(starts[line], ends[line]),
    lineBreak: (line) => (line + 1 < starts.length ? text.slice(ends[line], starts[line + 1]) : ''),
  };
}

function isBlankLine(lines: Lines, line: number): boolean {
  return lines.content(line).trim() === '';
}

function expectPosition(lines: Lines, position: Range['start'], what: string): void {
  expect(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: integer position ${JSON.stringify(position)}`).toBe(true);
  expect(position.line >= 0 && position.line < lines.count, `${what}: line ${position.line} of ${lines.count}`).toBe(true);
  const length = lines.ends[position.line] - lines.starts[position.line];
  expect(position.character >= 0 && position.character <= length, `${what}: character ${position.character} on a line of ${length}`).toBe(true);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function expectRange(lines: Lines, range: Range | undefined, what: string): void {
  expect(range, what).toBeDefined();
  expectPosition(lines, range!.start, `${what}.start`);
  expectPosition(lines, range!.end, `${what}.end`);
  expect(before(range!.start, range!.end), `${what}: start after end ${JSON.stringify(range)}`).toBe(true);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function textAt(lines: Lines, range: Range): string {
  const offset = (position: Range['start']): number => lines.starts[position.line] + position.character;
  return lines.text.slice(offset(range.start), offset(range.end));
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'transcript', 1, text), edits);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const LABELS = [
  '提问', '提問', '问', '孙 弘', '孙弘', '林晓岚', '周明远', 'Q', 'A', 'Ｑ', 'Question', '答', 'MS. PSAKI', 'Ms. Psaki',
  'HOST', 'Host', 'Omar Castillo', '主持人', '记者', '网友', 'Dr. Lee', 'SPEAKER 1', 'The reasons are as follows', '🎙️ Host',
];
const QUESTIONS = [
  'What time does the ferry leave?', 'what time does the ferry leave', 'What time does the ferry leave ?',
  '您觉得短视频对阅读有影响吗？', '您觉得短视频对阅读有影响吗?', '书店以后会开分店吗？', 'Is it 10:30?', 'Why? 🤔', '🎉🎉？',
  '(laughs) Really?', 'Really?', '[inaudible] 为什么？', '为什么？', '?', '？', '（笑）', '（笑）？', 'See https://example.com?',
  'Q: nested?', '孙总，我知道您一开始就打算走高端的电商道路？', '孙总，我知道您一开始就打算走高端的电商道路吗？',
  'How much did the repair cost in the end?', 'How much did the repair cost at the end?',
  // Near-duplicates (similar-question at the default 0.9 threshold).
  'What is the plan for the new harbour bridge and the old pier next year?', 'What is the plan for the new harbor bridge and the old pier next year?',
  '孙总，我知道您一开始就打算走高端的电商道路，而当时电商的现状是低端占领主导地位？', '孙总，我知道您一开始就打算走高端的电商道路，而当时电商的现状是低端占主导地位？',
  'Could you tell us when the new harbour bridge and the old pier will reopen to the public?',
  'Could you tell us when the new harbor bridge and the old pier will reopen to the public?',
];
const ANSWERS = [
  'Yes.', '很大，我们把二楼改成了咖啡区。', 'At nine (laughs).', '👍', '', 'See https://example.com', 'No: never.',
  '暂时不会，我们更想把一家店做好。', '[crosstalk]', 'The meeting is at 10:30 tomorrow.', '1、坚持；2、关注：用户',
];
const INDENTS = ['', '', '', '  ', '\u3000\u3000', '\t', '\u00a0', '\ufeff'];
const LEADING_TIMESTAMPS = ['', '', '', '[00:01:23] ', '[01:23]', '00:03:40.5 ', '12:05 '];
const TRAILING_TIMESTAMPS = ['', '', '', ' (00:01:23)', ' [01:02]', '（00:00:09）'];
const COLONS = [':', '：'];
const AFTER_COLON = ['', ' ', ' ', '  ', '\u3000'];
const BLANKS = ['', '', '  ', '\u3000', '\t', '\u3000\u3000 '];
/**
 * Lines in the shapes of real-world exports: a bare `Q` with no-break spaces, CHAT main and dependent
 * tiers and headers, `Name  0:05` headings, line-number margins, page furniture, form feeds, word
 * index entries and closing lines.
 */
const LAYOUT_LINES = [
  'Q\u00a0\u00a0\u00a0 Thanks, Jen.', 'Q    Is it open?', 'A\tYes.', '问　　票价会涨吗？', '*CHI:\tmilk ?', '*MOT:\twhat is that ?',
  '%mor:\tn|milk ?', '\tn|boat .', '@Bg', '@End',
  'Sam Reyes  0:05', 'Omar Castillo  1:02', ' 5                 CHIEF JUSTICE MARSH:     Well?', ' 6   counsel, the clause says', '11',
  '                                        3', '\f                        Draft - Not for Citation', '          Harbor Reporting Services',
  'bond 12:23         clause 6:14 7:2', '  12:20 13:1          chief 5:3 9:4', '7:37 P.M. EST', '###',
];
/** Lines of whitespace the parser does not count as blank (form feed, em space, U+2028, ...). */
const ODD_SPACE_LINES = ['\f', '\u000b', '\u2003', '\u2028', '\u0085', '\u200b', ' \u2003\u3000'];

/** Single UTF-16 code units, so lone surrogates and every control character occur. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Characters that matter to the parser, densely. */
const transcriptChar = fc.constantFrom(':', '：', '\n', '\r', '\r\n', '?', '？', 'Q', '提问', ' ', '\u3000', '(', ')', '[', ']', '1', '0', '*', 'a', 'A', '.', '笑', '😀', '\ufeff', '-');

const arbitraryText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: transcriptChar, maxLength: 300 }),
);

const freeText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: codeUnit, maxLength: 12 }));

const labelLine = fc
  .record({
    indent: fc.constantFrom(...INDENTS),
    leading: fc.constantFrom(...LEADING_TIMESTAMPS),
    label: fc.constantFrom(...LABELS),
    bold: fc.constantFrom('none', 'none', 'label', 'colon'),
    trailing: fc.constantFrom(...TRAILING_TIMESTAMPS),
    colon: fc.constantFrom(...COLONS),
    space: fc.constantFrom(...AFTER_COLON),
    text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUESTIONS) }, { weight: 3, arbitrary: fc.constantFrom(...ANSWERS) }, { weight: 1, arbitrary: freeText }),
  })
  .map(({ indent, leading, label, bold, trailing, colon, space, text }) => {
    const head = bold === 'label' ? `**${label}**${trailing}${colon}` : bold === 'colon' ? `**${label}${trailing}${colon}**` : `${label}${trailing}${colon}`;
    return `${indent}${leading}${head}${space}${text}`;
  });

const otherLine = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...BLANKS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_SPACE_LINES) },
  { weight: 2, arbitrary: fc.constantFrom(...QUESTIONS, ...ANSWERS, '以下为访谈实录：', 'Transcript:', '---', '城市书店店主周明远访谈：实体书店还能走多远') },
  { weight: 1, arbitrary: freeText },
  { weight: 2, arbitrary: fc.constantFrom(...LAYOUT_LINES) },
  // Long lines (up to several thousand characters), built by repetition so they stay cheap to generate.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: transcriptChar, minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }))
      .map(([piece, times]) => piece.repeat(times)),
  },
);

const line = fc.oneof({ weight: 5, arbitrary: labelLine }, { weight: 3, arbitrary: otherLine });

/** The lines of a transcript-like document: label lines, continuations, blanks, copies of earlier lines. */
const transcriptLines = fc
  .record({
    lines: fc.array(line, { maxLength: 40 }),
    copies: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    /** Blank lines between lines, as in transcripts written in paragraphs. */
    spacing: fc.constantFrom(0, 0, 1, 2),
    blank: fc.constantFrom(...BLANKS),
  })
  .map(({ lines, copies, spacing, blank }) => {
    let result = [...lines];
    // Duplicated questions (and answers): copy earlier lines to later places.
    for (const [from, to] of copies) {
      if (result.length === 0) break;
      const source = result[from % result.length];
      result.splice(to % (result.length + 1), 0, source);
    }
    if (spacing > 0) result = result.flatMap((text) => [text, ...Array<string>(spacing).fill(blank)]);
    return result;
  });

/** Transcript-like documents with LF, CRLF, lone CR or mixed line breaks. */
const transcriptText = fc
  .record({
    lines: transcriptLines,
    style: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    breaks: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 50, maxLength: 50 }),
    trailingBreak: fc.boolean(),
  })
  .map(({ lines, style, breaks, trailingBreak }) => {
    const lineBreak = (i: number): string => (style === 'mixed' ? breaks[i % breaks.length] : style);
    return lines.map((text, i) => text + (i < lines.length - 1 || trailingBreak ? lineBreak(i) : '')).join('');
  });

const anyText = fc.oneof({ weight: 3, arbitrary: transcriptText }, { weight: 1, arbitrary: arbitraryText });

/** An arbitrary transcript and a range of its lines (`firstLine <= lastLine`, past its end at times). */
const textAndLines = fc
  .tuple(anyText, fc.nat({ max: 40 }), fc.nat({ max: 40 }))
  .map(([text, a, b]) => ({ text, firstLine: Math.min(a, b), lastLine: Math.max(a, b) }));

const LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;
const settingsArbitrary: fc.Arbitrary<TranscriptSettings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(resolveSettings(undefined)) },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          questionSpeakers: fc.subarray(LABELS, { maxLength: 3 }),
          answerSpeakers: fc.subarray(LABELS, { maxLength: 3 }),
          maxLabelLength: fc.integer({ min: 1, max: 40 }),
          similarQuestionThreshold: fc.double({ min: 0.5, max: 1, noNaN: true }),
          rules: fc.record(
            {
              'duplicate-question': fc.constantFrom(...LEVELS),
              'similar-question': fc.constantFrom(...LEVELS),
              'unanswered-question': fc.constantFrom(...LEVELS),
              'inconsistent-speaker': fc.constantFrom(...LEVELS),
              'undeclared-speaker': fc.constantFrom(...LEVELS),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      )
      .map((raw) => resolveSettings(raw)),
  },
);

// ---------------------------------------------------------------------------------------------
// Checks.

function expectModelRangesInside(text: string, analysis: TranscriptAnalysis): void {
  const lines = linesOf(text);
  const { model } = analysis;
  expect(model.lines.lineCount).toBe(lines.count);
  // The counts kept with each speaker (ranking answerers, roles) agree with its turns.
  for (const speaker of model.speakers) {
    expect(speaker.turnCount, `${speaker.label}: turnCount`).toBe(speaker.turns.length);
    expect(speaker.askingCount, `${speaker.label}: askingCount`).toBe(speaker.turns.filter((turn) => turn.asks).length);
  }

  for (const turn of model.turns) {
    const what = `turn ${turn.index} (line ${turn.line})`;
    expect(turn.line <= turn.lastLine, `${what}: line <= lastLine`).toBe(true);
    for (const [name, range] of [
      ['labelRange', turn.labelRange],
      ['colonRange', turn.colonRange],
      ['textRange', turn.textRange],
      ['range', turn.range],
      ['headRange', turn.headRange],
      ['fullRange', turn.fullRange],
    ] as const) {
      expectRange(lines, range, `${what}.${name}`);
    }
    expect(textAt(lines, turn.labelRange), `${what}: text at labelRange`).toBe(turn.label);
    // A label written without a colon (`Q    Thanks.`, `Sam  0:05`) has an empty colon range right after it.
    if (turn.hasColon) expect([':', '：'], `${what}: text at colonRange`).toContain(textAt(lines, turn.colonRange));
    else expect(turn.colonRange.start, `${what}: empty colon range right after the label`).toEqual(turn.labelRange.end);
    expect(before(turn.labelRange.end, turn.colonRange.start), `${what}: label before colon`).toBe(true);
    if (turn.timestamp) {
      expectRange(lines, turn.timestampRange, `${what}.timestampRange`);
      expect(textAt(lines, turn.timestampRange!), `${what}: text at timestampRange`).toBe(turn.timestamp.text);
    } else {
      expect(turn.timestampRange).toBeUndefined();
    }
    expect(contains(turn.fullRange, turn.range), `${what}: fullRange contains range`).toBe(true);
    expect(contains(turn.range, turn.headRange), `${what}: range contains headRange`).toBe(true);
    expect(contains(turn.range, turn.textRange), `${what}: range contains textRange`).toBe(true);
    for (const annotation of turn.annotations) {
      expectRange(lines, annotation.range, `${what} annotation ${annotation.text}`);
      expect(textAt(lines, annotation.range)).toBe(annotation.text);
      expect(text.slice(annotation.start, annotation.end)).toBe(annotation.text);
      expect(annotation.start >= turn.textStart && annotation.end <= turn.textEnd, `${what}: annotation inside the turn's text`).toBe(true);
    }
  }
  for (let i = 1; i < model.turns.length; i++) {
    expect(model.turns[i - 1].lastLine < model.turns[i].line, `turns ${i - 1} and ${i} do not overlap`).toBe(true);
  }
  for (const annotation of model.annotations) expectRange(lines, annotation.range, `annotation ${annotation.text}`);

  if (model.preamble) {
    expectRange(lines, model.preamble.range, 'preamble.range');
    if (model.turns.length > 0) expect(model.preamble.lastLine < model.turns[0].line, 'preamble before the first turn').toBe(true);
  }

  for (const finding of analysis.findings) {
    expectRange(lines, finding.range, `finding ${finding.code}`);
    expect(model.turns[finding.turnIndex], `finding ${finding.code}: turnIndex`).toBeDefined();
    for (const place of finding.related) expectRange(lines, place.range, `finding ${finding.code} related`);
  }
}

/**
 * The outline as the model's views describe it: the preamble, loose turns, then per exchange its
 * question (named by its text, detail: who answered) with its turns as children.
 */
function outlineFromViews(analysis: TranscriptAnalysis): DocumentSymbol[] {
  const { model } = analysis;
  const display = (turn: Turn): string => (turn.nonSpoken.length > 0 ? turn.text : turn.rawText).trim();
  const turnSymbol = (turn: Turn): DocumentSymbol => ({
    name: `${turn.speaker.label}: ${shorten(display(turn), 50)}`,
    detail: turn.timestamp ? turn.timestamp.text : `${turn.lastLine - turn.line + 1} ${turn.lastLine === turn.line ? 'line' : 'lines'}`,
    kind: turn.isQuestion ? SymbolKind.Event : SymbolKind.String,
    range: turn.fullRange,
    selectionRange: turn.headRange,
  });
  const symbols = documentSymbols(analysis).slice(0, model.preamble ? 1 : 0);
  for (const turn of model.turns) {
    if (turn.exchange === undefined) symbols.push(turnSymbol(turn));
    else if (turn.exchange.question === turn) {
      const { question, turns, answers } = turn.exchange;
      const last = turns.length > 0 ? turns[turns.length - 1] : question;
      const answerers = [...new Set(answers.map((answer) => answer.speaker.label))];
      symbols.push({
        name: shorten(display(question) || question.label, 60),
        detail: answerers.length > 0 ? answerers.join(', ') : 'unanswered',
        kind: SymbolKind.Event,
        range: { start: question.fullRange.start, end: last.fullRange.end },
        selectionRange: question.headRange,
        children: turns.map(turnSymbol),
      });
    }
  }
  return symbols;
}

function expectServiceRangesInside(text: string, analysis: TranscriptAnalysis): void {
  const lines = linesOf(text);
  for (const diagnostic of diagnostics(analysis, URI)) {
    expectRange(lines, diagnostic.range, `diagnostic ${diagnostic.code}`);
    for (const info of diagnostic.relatedInformation ?? []) expectRange(lines, info.location.range, `diagnostic ${diagnostic.code} related`);
  }
  const visit = (symbol: ReturnType<typeof documentSymbols>[number], parent: Range | undefined): void => {
    expectRange(lines, symbol.range, `symbol ${symbol.name}`);
    expectRange(lines, symbol.selectionRange, `symbol ${symbol.name} selectionRange`);
    expect(contains(symbol.range, symbol.selectionRange), `symbol ${symbol.name}: selectionRange inside range`).toBe(true);
    if (parent) expect(contains(parent, symbol.range), `symbol ${symbol.name}: inside its parent`).toBe(true);
    // VS Code rejects a DocumentSymbol whose name is empty ("name must not be falsy").
    expect(symbol.name.trim().length, `symbol names are not empty (${JSON.stringify(symbol)})`).toBeGreaterThan(0);
    if (!hasLoneSurrogate(text)) expect(hasLoneSurrogate(symbol.name), `symbol ${JSON.stringify(symbol.name)}: no split surrogate pair`).toBe(false);
    for (const child of symbol.children ?? []) visit(child, symbol.range);
  };
  for (const symbol of documentSymbols(analysis)) visit(symbol, undefined);
  for (const range of foldingRanges(analysis)) {
    expect(range.startLine >= 0 && range.startLine < range.endLine && range.endLine < lines.count, `folding ${JSON.stringify(range)}`).toBe(true);
  }
  for (const turn of analysis.model.turns) {
    const onLabel = hover(analysis, turn.labelRange.start);
    expect(onLabel, `hover on the label of turn ${turn.index}`).not.toBeNull();
    expect(onLabel!.range).toEqual(turn.labelRange);
    const onText = hover(analysis, { line: turn.line, character: lines.ends[turn.line] - lines.starts[turn.line] });
    if (onText?.range) expectRange(lines, onText.range, `hover on the text of turn ${turn.index}`);
  }
}

/**
 * Checks that `edits` delete whole lines only: every line of each block `[first, last]`, plus blank
 * lines right after a block (one run), and nothing else. When a block ends the document, the line
 * break before it goes instead. The rest of the text is unchanged, byte for byte.
 */
function expectRemovesOnly(text: string, edits: TextEdit[], blocks: Array<[number, number]>, what: string): void {
  const lines = linesOf(text);
  const removed = new Set<number>();
  let dropBreakAfter: number | undefined;
  const lastLine = lines.count - 1;
  const documentEnd = { line: lastLine, character: lines.ends[lastLine] - lines.starts[lastLine] };
  for (const edit of edits) {
    expect(edit.newText, `${what}: removes only`).toBe('');
    expectRange(lines, edit.range, `${what}: edit range`);
    const { start, end } = edit.range;
    if (start.character === 0 && end.character === 0 && end.line > start.line) {
      for (let l = start.line; l < end.line; l++) removed.add(l);
    } else {
      // The block runs to the end of the document: from the end of the line before it (or 0:0).
      expect(end, `${what}: a partial-line edit must run to the end of the document: ${JSON.stringify(edit.range)}`).toEqual(documentEnd);
      if (start.line === 0 && start.character === 0) {
        for (let l = 0; l <= lastLine; l++) removed.add(l);
      } else {
        expect(start.character, `${what}: starts at the end of a line`).toBe(lines.ends[start.line] - lines.starts[start.line]);
        for (let l = start.line + 1; l <= lastLine; l++) removed.add(l);
        dropBreakAfter = start.line;
      }
    }
  }
  let expected = '';
  for (let l = 0; l < lines.count; l++) {
    if (removed.has(l)) continue;
    expected += lines.content(l) + (l === dropBreakAfter ? '' : lines.lineBreak(l));
  }
  const applied = apply(text, edits);
  expect(applied, `${what}: text outside the removed lines is unchanged`).toBe(expected);

  const inBlock = (l: number): boolean => blocks.some(([first, last]) => l >= first && l <= last);
  for (const [first, last] of blocks) {
    for (let l = first; l <= last; l++) expect(removed.has(l), `${what}: line ${l} of block ${first}-${last} is removed`).toBe(true);
  }
  for (const l of removed) {
    expect(inBlock(l) || isBlankLine(lines, l), `${what}: removed line ${l} (${JSON.stringify(lines.content(l))}) is in a named block or blank`).toBe(true);
    // Every removed run starts at a block: a blank line is removed only right after removed lines.
    if (!inBlock(l)) expect(l > 0 && removed.has(l - 1), `${what}: removed blank line ${l} follows a removed block`).toBe(true);
  }
}

/** Checks an "add an answer" insert: a new label line right after the question's last line, nothing else. */
function expectAnswerInsert(text: string, settings: TranscriptSettings, edits: TextEdit[], question: Turn, speakerLabel: string, what: string): void {
  const lines = linesOf(text);
  expect(edits, what).toHaveLength(1);
  const [edit] = edits;
  const at = { line: question.lastLine, character: lines.ends[question.lastLine] - lines.starts[question.lastLine] };
  expect(edit.range, `${what}: inserts at the end of the question's last line`).toEqual({ start: at, end: at });
  expect(edit.newText, `${what}: one new line`).toMatch(/^(\r\n|\r|\n)[^\r\n]*$/);
  expect(edit.newText).toContain(speakerLabel);
  const offset = lines.ends[question.lastLine];
  const applied = apply(text, edits);
  expect(applied, `${what}: the original text around the insert is unchanged`).toBe(text.slice(0, offset) + edit.newText + text.slice(offset));

  // The inserted line is read as an answer by that speaker to that question.
  const after = analyzeText(applied, settings);
  const answered = after.model.turns.find((turn) => turn.line === question.line);
  expect(answered?.isQuestion, `${what}: still a question after the insert`).toBe(true);
  const inserted = after.model.turns.find((turn) => turn.line === question.lastLine + 1);
  expect(inserted?.speaker.label, `${what}: the inserted line is a turn of ${speakerLabel}`).toBe(speakerLabel);
  expect(answered!.exchange?.answers, `${what}: the question is answered by the inserted turn`).toContain(inserted);
  expect(
    after.findings.some((finding) => finding.code === 'unanswered-question' && finding.range.start.line === question.line),
    `${what}: no longer reported as unanswered`,
  ).toBe(false);
}

/**
 * Checks "Use '…' for this speaker everywhere": it rewrites turn labels of the finding's person, and
 * only labels, to one written form; the text outside those labels is unchanged.
 */
function expectLabelsOnly(text: string, analysis: TranscriptAnalysis, edits: TextEdit[], turn: Turn, label: string, what: string): void {
  const group = identityGroupOf(analysis.model, turn.speaker)!;
  expect(group, `${what}: the turn's speaker has a group`).toBeDefined();
  const labelled = new Map(group.speakers.flatMap((speaker) => speaker.turns).map((other) => [other.line, other]));
  expect(edits.length, `${what}: at least the finding's own label`).toBeGreaterThan(0);
  expect(edits.some((edit) => edit.range.start.line === turn.line), `${what}: rewrites the finding's label`).toBe(true);
  const lines = linesOf(text);
  const offset = (position: Range['start']): number => lines.starts[position.line] + position.character;
  let expected = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => offset(a.range.start) - offset(b.range.start))) {
    const other = labelled.get(edit.range.start.line);
    expect(other, `${what}: edits a label of the same person on line ${edit.range.start.line}`).toBeDefined();
    expect(edit.range, `${what}: exactly the label range`).toEqual(other!.labelRange);
    expect(edit.newText, `${what}: the main form`).toBe(label);
    expect(other!.label, `${what}: only labels written differently`).not.toBe(label);
    expected += text.slice(from, offset(edit.range.start)) + label;
    from = offset(edit.range.end);
  }
  expect(apply(text, edits), `${what}: nothing but the labels changes`).toBe(expected + text.slice(from));
}

function expectFixAll(text: string, analysis: TranscriptAnalysis, edits: TextEdit[], what: string): void {
  const blocks = unansweredDuplicates(analysis).map((turn): [number, number] => [turn.line, turn.lastLine]);
  expect(blocks.length, `${what}: something to fix`).toBeGreaterThan(0);
  expectRemovesOnly(text, edits, blocks, what);
}

/** Every code action offered for every diagnostic (one at a time and all at once), and fix-all. */
function expectFixesLocal(text: string, settings: TranscriptSettings): void {
  const analysis = analyzeText(text, settings);
  const { model } = analysis;
  const shown = analysis.findings.filter((finding) => ruleLevel(finding.code, settings) !== 'off');
  const diags = diagnostics(analysis, URI);
  expect(diags.map((diagnostic) => diagnostic.code)).toEqual(shown.map((finding) => finding.code));

  const check = (actions: ReturnType<typeof codeActions>, finding: (typeof shown)[number] | undefined): void => {
    for (const action of actions) {
      const edits = action.edit?.changes?.[URI] ?? [];
      expect(Object.keys(action.edit?.changes ?? {}), `${action.title}: edits only this document`).toEqual([URI]);
      const turn = finding && model.turns[finding.turnIndex];
      const what = `"${action.title}"${turn ? ` for line ${turn.line}` : ''}`;
      if (action.title === 'Remove duplicate question') {
        expect(finding?.code).toBe('duplicate-question');
        expect(edits).toHaveLength(1);
        expectRemovesOnly(text, edits, [[turn!.line, turn!.lastLine]], what);
      } else if (action.title.startsWith('Remove duplicate question and its ')) {
        expect(finding?.code).toBe('duplicate-question');
        const exchange = turn!.exchange!;
        expect(exchange.question).toBe(turn);
        const last = exchange.turns.length > 0 ? exchange.turns[exchange.turns.length - 1] : turn!;
        expect(edits).toHaveLength(1);
        expectRemovesOnly(text, edits, [[turn!.line, last.lastLine]], what);
      } else if (action.title.startsWith('Add an answer by ')) {
        expect(finding?.code).toBe('unanswered-question');
        const label = action.title.slice('Add an answer by '.length);
        expect(model.speakers.some((speaker) => speaker.label === label && speaker.role === 'answerer'), `${what}: an answerer`).toBe(true);
        expectAnswerInsert(text, settings, edits, turn!, label, what);
      } else if (action.title.startsWith(FIX_ALL_TITLE)) {
        expectFixAll(text, analysis, edits, what);
      } else if (/^Use '.+' for this speaker everywhere$/.test(action.title)) {
        expect(finding?.code).toBe('inconsistent-speaker');
        expectLabelsOnly(text, analysis, edits, turn!, action.title.slice("Use '".length, -"' for this speaker everywhere".length), what);
      } else {
        throw new Error(`unexpected code action ${action.title}`);
      }
    }
  };

  diags.forEach((diagnostic, i) => {
    check(codeActions(analysis, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] }), shown[i]);
  });
  if (diags.length > 1) {
    // As an editor sends them: every diagnostic on the line at once.
    const actions = codeActions(analysis, { uri: URI, range: diags[0].range, diagnostics: diags });
    for (const action of actions) {
      const index = diags.indexOf(action.diagnostics?.[0] as (typeof diags)[number]);
      check([action], index >= 0 ? shown[index] : undefined);
    }
  }
  const fixAll = codeActions(analysis, { uri: URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics: [], only: ['source.fixAll'] });
  for (const action of fixAll) {
    expect(action.kind).toBe('source.fixAll');
    expectFixAll(text, analysis, action.edit?.changes?.[URI] ?? [], 'source.fixAll');
  }
  if (unansweredDuplicates(analysis).length > 0 && ruleLevel('duplicate-question', settings) !== 'off') {
    expect(fixAll, 'source.fixAll is offered when there are unanswered duplicates').toHaveLength(1);
  }
}

// ---------------------------------------------------------------------------------------------

describe('parser and analyses on arbitrary text (fast-check)', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(anyText, settingsArbitrary, (text, settings) => {
        parseTranscript(text);
        parseTranscript(text, settings);
        analyzeText(text, settings);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keep every model range inside the document, with the label text at labelRange', () => {
    fc.assert(
      fc.property(anyText, settingsArbitrary, (text, settings) => {
        expectModelRangesInside(text, analyzeText(text, settings));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('handle lines of thousands of characters', () => {
    const longLine = fc
      .tuple(fc.string({ unit: transcriptChar, minLength: 1, maxLength: 8 }), fc.integer({ min: 600, max: 2500 }))
      .map(([piece, times]) => piece.replace(/[\r\n]/g, '').repeat(times))
      .filter((text) => text.length >= 2000);
    fc.assert(
      fc.property(fc.constantFrom('', 'Q: ', '提问：', '\u3000\u3000孙 弘：'), longLine, fc.constantFrom('', '\nA: ok\nQ: again?'), (head, body, tail) => {
        const text = head + body + tail;
        const analysis = analyzeText(text);
        expectModelRangesInside(text, analysis);
        expectServiceRangesInside(text, analysis);
      }),
      { numRuns: 40 },
    );
  });

  it('keep every diagnostic, symbol, folding and hover range inside the document', () => {
    fc.assert(
      fc.property(anyText, settingsArbitrary, (text, settings) => {
        expectServiceRangesInside(text, analyzeText(text, settings));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('give the outline the model\'s views describe (it is made from the tables, without them)', () => {
    // The fixtures have turns with margins and CHAT tiers, whose names leave them out.
    expect(FIXTURE_TEXTS.some((text) => analyzeText(text).model.turns.some((turn) => turn.nonSpoken.length > 0))).toBe(true);
    fixturesThenAny((text) => {
      const analysis = analyzeText(text);
      expect(documentSymbols(analysis)).toEqual(outlineFromViews(analysis));
    });
  });

  it('fold each exchange as the model\'s views describe it (folding is made from the tables)', () => {
    fixturesThenAny((text) => {
      const analysis = analyzeText(text);
      const { model } = analysis;
      const expected = foldingRanges(analysis).slice(0, model.preamble && model.preamble.lastLine > model.preamble.firstLine ? 1 : 0);
      for (const exchange of model.exchanges) {
        const last = exchange.turns.length > 0 ? exchange.turns[exchange.turns.length - 1] : exchange.question;
        if (last.lastLine > exchange.question.line) expected.push({ startLine: exchange.question.line, endLine: last.lastLine, kind: 'region' });
      }
      expect(foldingRanges(analysis)).toEqual(expected);
    });
  });

  it('count questions, unanswered ones and copies for the status bar as the views and groups do', () => {
    // The fixtures repeat questions.
    expect(FIXTURE_TEXTS.some((text) => analyzeText(text).duplicateGroups.size > 0)).toBe(true);
    fixturesThenAny((text) => {
      const analysis = analyzeText(text);
      const { exchanges, speakers } = analysis.model;
      let copies = 0;
      for (const [turn, group] of analysis.duplicateGroups) if (group[0] !== turn) copies++;
      expect(summary(analysis)).toEqual({
        questions: exchanges.length,
        unanswered: exchanges.filter((exchange) => exchange.answers.length === 0).length,
        duplicates: copies,
        speakers: speakers.length,
      });
    });
  });

  it('colour labels, timestamps and annotations as the views describe them (spans are made from the table)', () => {
    // The fixtures have annotations and timestamps.
    expect(FIXTURE_TEXTS.some((text) => analyzeText(text).model.annotations.length > 0)).toBe(true);
    fixturesThenAny((text) => {
      const { model } = analyzeText(text);
      const expected: SemanticSpan[] = [];
      let next = 0;
      for (const turn of model.turns) {
        const label: SemanticSpan = {
          line: turn.line,
          start: turn.labelStart,
          length: turn.labelEnd - turn.labelStart,
          kind: turn.speaker.role === 'answerer' ? 'answerer' : 'asker',
          first: turn.speaker.turns[0] === turn,
        };
        const stamp = turn.timestamp;
        if (stamp && stamp.end > stamp.start) {
          const span: SemanticSpan = { line: turn.line, start: stamp.start, length: stamp.end - stamp.start, kind: 'timestamp', first: false };
          expected.push(...(stamp.start < turn.labelStart ? [span, label] : [label, span]));
        } else expected.push(label);
        const lineStart = model.lines.starts[turn.line];
        while (next < model.annotations.length && model.annotations[next].start < lineStart + turn.labelEnd) next++;
        while (next < model.annotations.length && model.annotations[next].end <= turn.textEnd) {
          const { start, end } = model.annotations[next++].range;
          for (let line = start.line; line <= end.line; line++) {
            const from = line === start.line ? start.character : 0;
            const to = line === end.line ? end.character : model.lines.lineLength(line);
            if (to > from) expected.push({ line, start: from, length: to - from, kind: 'annotation', first: false });
          }
        }
      }
      expect(semanticSpans(model)).toEqual(expected);
    });
  });

  it('colour a range of lines as the whole document is coloured on those lines', () => {
    fc.assert(
      fc.property(textAndLines, ({ text, firstLine, lastLine }) => {
        const { model } = analyzeText(text);
        const all = semanticSpans(model);
        expect(semanticSpans(model, firstLine, lastLine)).toEqual(all.filter((span) => span.line >= firstLine && span.line <= lastLine));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('summarize the answers to exactly the questions whose last line is in the range asked for', () => {
    fc.assert(
      fc.property(textAndLines, ({ text, firstLine, lastLine }) => {
        const { model } = analyzeText(text);
        const all = answerSummaries(model);
        expect(all.map((summary) => summary.question)).toEqual(model.exchanges.map((exchange) => exchange.question));
        expect(answerSummaries(model, firstLine, lastLine)).toEqual(
          all.filter((summary) => summary.question.lastLine >= firstLine && summary.question.lastLine <= lastLine),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('offer quick fixes that change only the lines of the turn or exchange they name', () => {
    fc.assert(
      fc.property(transcriptText, settingsArbitrary, (text, settings) => {
        expectFixesLocal(text, settings);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('give the same findings, outline and fixes whatever the line breaks (LF, CRLF, CR)', () => {
    const shape = (text: string, settings: TranscriptSettings) => {
      const analysis = analyzeText(text, settings);
      const diags = diagnostics(analysis, URI);
      return {
        diagnostics: diags.map((diagnostic) => ({ ...diagnostic, message: diagnostic.message })),
        symbols: documentSymbols(analysis),
        folding: foldingRanges(analysis),
        // Fix edits differ only in the line break they insert; compare their ranges.
        fixes: diags.flatMap((diagnostic) =>
          codeActions(analysis, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] }).map((action) => ({
            title: action.title,
            ranges: (action.edit?.changes?.[URI] ?? []).map((edit) => edit.range),
          })),
        ),
      };
    };
    fc.assert(
      fc.property(transcriptLines, fc.boolean(), settingsArbitrary, (lines, trailingBreak, settings) => {
        // Line breaks inside generated lines would merge with the joining break (\r + \n); keep lines whole.
        const whole = lines.map((text) => text.replace(/[\r\n]/g, ' '));
        const join = (lineBreak: string): string => whole.join(lineBreak) + (trailingBreak ? lineBreak : '');
        const lf = shape(join('\n'), settings);
        expect(shape(join('\r\n'), settings)).toEqual(lf);
        expect(shape(join('\r'), settings)).toEqual(lf);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('generate transcripts that exercise every kind of fix (sanity check of the arbitrary)', () => {
    const seen: Record<string, number> = {};
    const count = (key: string): void => {
      seen[key] = (seen[key] ?? 0) + 1;
    };
    for (const text of fc.sample(transcriptText, { numRuns: NUM_RUNS, seed: 42 })) {
      const analysis = analyzeText(text);
      const lines = linesOf(text);
      const diags = diagnostics(analysis, URI);
      for (const diagnostic of diags) count(String(diagnostic.code));
      const actions = [
        ...diags.flatMap((diagnostic) => codeActions(analysis, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] })),
        ...codeActions(analysis, { uri: URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics: diags }),
      ];
      for (const action of actions) {
        count(action.title.replace(/ by .*| \(\d+\)$/, '').replace(/ and its .*/, ' and its answers').replace(/^Use '.+' for /, "Use '…' for "));
        for (const edit of action.edit?.changes?.[URI] ?? []) {
          if (edit.newText === '' && edit.range.end.character !== 0) count('removal at the end of the document');
          if (edit.newText === '' && edit.range.end.character === 0 && isBlankLine(lines, edit.range.end.line - 1)) count('removal with blank lines');
        }
      }
      if (/\r(?!\n)/.test(text) && diags.length > 0) count('lone CR');
      if (text.includes('\r\n') && diags.length > 0) count('CRLF');
    }
    // Each kind at least a few times in NUM_RUNS samples (similar questions are the rarest).
    for (const key of [
      'duplicate-question',
      'unanswered-question',
      'similar-question',
      'Remove duplicate question',
      'Remove duplicate question and its answers',
      'Add an answer',
      FIX_ALL_TITLE,
      'inconsistent-speaker',
      "Use '…' for this speaker everywhere",
      'removal at the end of the document',
      'removal with blank lines',
      'lone CR',
      'CRLF',
    ]) {
      expect(seen[key] ?? 0, `${key} in ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(key === 'similar-question' ? 3 : 10);
    }
  });
});

describe('regressions found by these properties', () => {
  // Whitespace JavaScript trims but the parser once did not (form feed, U+2003, U+2028) made an empty title.
  it('never gives the preamble symbol an empty name', () => {
    for (const first of ['\f', '\u000b', '\u2003', '\u2028']) {
      const symbols = documentSymbols(analyzeText(`${first}\nQ: What time is it?\nA: Nine.\n`));
      // A whitespace-only first line is blank: no preamble at all.
      expect(symbols.map((symbol) => symbol.detail), JSON.stringify(first)).toEqual(['A']);
      for (const symbol of symbols) expect(symbol.name.trim(), JSON.stringify(first)).not.toBe('');
    }
  });

  // Cutting long text before folding whitespace must not split a surrogate pair.
  it('never splits a surrogate pair in an outline name', () => {
    const symbols = documentSymbols(analyzeText('Q: x' + ' '.repeat(254) + '😀 why?\nA: ok\n'));
    for (const symbol of symbols) expect(hasLoneSurrogate(symbol.name), JSON.stringify(symbol.name)).toBe(false);
  });

  // k copies of one question once produced (k-1)² related entries (1,000 copies: 144 MB of JSON).
  it('duplicate-question related information stays small when one question is repeated many times', () => {
    const analysis = analyzeText('Q: Can you say more about the plan?\nMS. PSAKI: Sure.\n'.repeat(300));
    const duplicates = analysis.findings.filter((finding) => finding.code === 'duplicate-question');
    expect(duplicates).toHaveLength(299);
    for (const finding of duplicates) {
      expect(finding.related[0].range.start.line).toBe(0);
      expect(finding.related.length).toBeLessThanOrEqual(50);
    }
  });
});
