/**
 * The speaker rules: `inconsistent-speaker` (one person under variant labels) and
 * `undeclared-speaker` (a turn by someone the file's participant declaration does not list), with
 * their quick fixes. Exact ranges and edits on our own fixtures.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { analyzeText, TranscriptAnalysis } from '../../server/src/core/analysis';
import { declaration, declaredSpeakers, listSeparator, undeclaredSpeakers } from '../../server/src/core/declaredSpeakers';
import type { TranscriptModel } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parser';
import { RULE_CODES, RULES } from '../../server/src/core/rules';
import { resolveSettings } from '../../server/src/core/settings';
import { identityGroups, identityKey, isPlaceholderLabel, surnameOf } from '../../server/src/core/speakerIdentity';
import { codeActions } from '../../server/src/service/codeActions';
import { diagnostics } from '../../server/src/service/diagnostics';
import { fixture } from './helpers';

const URI = 'file:///speakers.transcript';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'transcript', 1, text), edits);
}

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const at = (line: number, character: number) => range(line, character, character);

function findingsOf(analysis: TranscriptAnalysis, code: string) {
  return analysis.findings.filter((finding) => finding.code === code);
}

function quickFixes(analysis: TranscriptAnalysis, diagnostic: Diagnostic) {
  return codeActions(analysis, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] });
}

function editsOf(action: { edit?: { changes?: Record<string, TextEdit[]> } } | undefined): TextEdit[] {
  return action?.edit?.changes?.[URI] ?? [];
}

describe('speaker identity', () => {
  it('compares labels after NFKC and case folding, without whitespace and dots', () => {
    expect(identityKey('MS. PSAKI')).toBe('mspsaki');
    expect(identityKey('Ms. Psaki')).toBe('mspsaki');
    expect(identityKey('Ms.Psaki')).toBe('mspsaki');
    expect(identityKey('ＭＳ．\u3000ＰＳＡＫＩ')).toBe('mspsaki');
    expect(identityKey('孙 弘')).toBe('孙弘');
    expect(identityKey('*CHI')).toBe('chi');
  });

  it('takes the last word of a longer label as a surname only when it is long enough to stand alone', () => {
    expect(surnameOf('MS. PSAKI')).toBe('psaki');
    expect(surnameOf('CHIEF JUSTICE ROBERTS')).toBe('roberts');
    expect(surnameOf('PSAKI')).toBeUndefined();
    expect(surnameOf('孙 弘')).toBeUndefined();
    expect(surnameOf('Dr. Li')).toBeUndefined();
  });

  it('groups a surname with the one person whose label ends in it, in order of first appearance', () => {
    const model = parseTranscript(fixture('en-drift.txt'));
    expect(identityGroups(model).map((group) => group.forms.map((form) => [form.label, form.turns.map((turn) => turn.line)]))).toEqual([
      [
        ['MS. PSAKI', [3, 5, 11]],
        ['Ms. Psaki', [7]],
        ['PSAKI', [9]],
      ],
      [['Q', [4, 6, 8, 10]]],
    ]);
  });

  it('does not guess between two people with the same surname, nor link a role word', () => {
    const text = 'MR. LONG: One.\nMRS. LONG: Two.\nLONG: Three.\nMR. LONG: Four.\nMRS. LONG: Five.\nHOST: Hi?\nGUEST HOST: Hello.\nHOST: Bye?\n';
    const groups = identityGroups(parseTranscript(text)).map((group) => group.forms.map((form) => form.label));
    expect(groups).toEqual([['MR. LONG'], ['MRS. LONG'], ['LONG'], ['HOST'], ['GUEST HOST']]);
    expect(findingsOf(analyzeText(text), 'inconsistent-speaker')).toEqual([]);
  });
});

describe('inconsistent-speaker', () => {
  it('is in the rule table, Information by default, documented at its README anchor', () => {
    expect(RULE_CODES).toContain('inconsistent-speaker');
    expect(RULES['inconsistent-speaker'].defaultLevel).toBe('information');
  });

  it('reports each minority form of MS. PSAKI on its label, pointing at the main form', () => {
    const analysis = analyzeText(fixture('en-drift.txt'));
    expect(findingsOf(analysis, 'inconsistent-speaker')).toEqual([
      {
        code: 'inconsistent-speaker',
        range: range(7, 0, 9),
        message: "Speaker 'Ms. Psaki' is written 'MS. PSAKI' in 3 turns (first on line 4): one speaker under variant labels.",
        related: [{ range: range(3, 0, 9), message: "'MS. PSAKI' (line 4)" }],
        turnIndex: 4,
      },
      {
        code: 'inconsistent-speaker',
        range: range(9, 0, 5),
        message: "Speaker 'PSAKI' is written 'MS. PSAKI' in 3 turns (first on line 4): one speaker under variant labels.",
        related: [{ range: range(3, 0, 9), message: "'MS. PSAKI' (line 4)" }],
        turnIndex: 6,
      },
    ]);
    expect(analysis.findings.map((finding) => finding.code)).toEqual(['inconsistent-speaker', 'inconsistent-speaker']);
    const published = diagnostics(analysis, URI);
    expect(published.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.codeDescription?.href])).toEqual([
      ['inconsistent-speaker', DiagnosticSeverity.Information, expect.stringMatching(/#inconsistent-speaker$/)],
      ['inconsistent-speaker', DiagnosticSeverity.Information, expect.stringMatching(/#inconsistent-speaker$/)],
    ]);
    expect(published[0].relatedInformation).toEqual([{ location: { uri: URI, range: range(3, 0, 9) }, message: "'MS. PSAKI' (line 4)" }]);
  });

  it("fixes every minority label with the main form ('Use … everywhere'), labels only", () => {
    const text = fixture('en-drift.txt');
    const analysis = analyzeText(text);
    const [first, second] = diagnostics(analysis, URI);
    for (const diagnostic of [first, second]) {
      const actions = quickFixes(analysis, diagnostic);
      expect(actions.map((action) => [action.title, action.kind, action.isPreferred])).toEqual([
        ["Use 'MS. PSAKI' for this speaker everywhere", CodeActionKind.QuickFix, true],
      ]);
      expect(editsOf(actions[0])).toEqual([
        { range: range(7, 0, 9), newText: 'MS. PSAKI' },
        { range: range(9, 0, 5), newText: 'MS. PSAKI' },
      ]);
    }
    const fixed = apply(text, editsOf(quickFixes(analysis, first)[0]));
    expect(fixed).toBe(text.replace('\nMs. Psaki: Fares', '\nMS. PSAKI: Fares').replace('\nPSAKI: It is', '\nMS. PSAKI: It is'));
    const after = analyzeText(fixed);
    expect(after.findings).toEqual([]);
    expect(after.model.speakers.map((speaker) => [speaker.label, speaker.turns.length])).toEqual([
      ['MS. PSAKI', 5],
      ['Q', 4],
    ]);
  });

  it('reports 孙 弘 for 孙弘 and a full-width Ｑ for Q (one model speaker, two written forms)', () => {
    const text = fixture('zh-drift.txt');
    const analysis = analyzeText(text);
    expect(analysis.model.speakersByKey.get('Q')?.forms).toEqual(new Map([['Q', 2], ['Ｑ', 1]]));
    const found = findingsOf(analysis, 'inconsistent-speaker');
    expect(found.map((finding) => [finding.range, finding.message, finding.related[0].range])).toEqual([
      [range(6, 2, 5), "Speaker '孙 弘' is written '孙弘' in 2 turns (first on line 5): one speaker under variant labels.", range(4, 2, 4)],
      [range(7, 2, 3), "Speaker 'Ｑ' is written 'Q' in 2 turns (first on line 4): one speaker under variant labels.", range(3, 2, 3)],
    ]);
    const [spaced, fullWidth] = diagnostics(analysis, URI).filter((diagnostic) => diagnostic.code === 'inconsistent-speaker');
    const fixSpaced = quickFixes(analysis, spaced);
    expect(fixSpaced.map((action) => action.title)).toEqual(["Use '孙弘' for this speaker everywhere"]);
    expect(editsOf(fixSpaced[0])).toEqual([{ range: range(6, 2, 5), newText: '孙弘' }]);
    const fixWidth = quickFixes(analysis, fullWidth);
    expect(fixWidth.map((action) => action.title)).toEqual(["Use 'Q' for this speaker everywhere"]);
    expect(editsOf(fixWidth[0])).toEqual([{ range: range(7, 2, 3), newText: 'Q' }]);
    const lines = text.split('\n');
    expect(apply(text, editsOf(fixWidth[0])).split('\n')).toEqual([...lines.slice(0, 7), '\u3000\u3000Q：现在靠什么盈利？', ...lines.slice(8)]);
  });

  it('never touches the same words inside a turn', () => {
    const text = 'MS. PSAKI: Hello.\nQ: Ms. Psaki, PSAKI, is that right?\nMs. Psaki: Yes.\nMS. PSAKI: Next.\n';
    const analysis = analyzeText(text);
    const diagnostic = diagnostics(analysis, URI).find((item) => item.code === 'inconsistent-speaker')!;
    expect(diagnostic.range).toEqual(range(2, 0, 9));
    const edits = editsOf(quickFixes(analysis, diagnostic)[0]);
    expect(edits).toEqual([{ range: range(2, 0, 9), newText: 'MS. PSAKI' }]);
    expect(apply(text, edits)).toBe('MS. PSAKI: Hello.\nQ: Ms. Psaki, PSAKI, is that right?\nMS. PSAKI: Yes.\nMS. PSAKI: Next.\n');
  });

  it('follows its level setting', () => {
    const text = fixture('en-drift.txt');
    expect(findingsOf(analyzeText(text, resolveSettings({ rules: { 'inconsistent-speaker': 'off' } })), 'inconsistent-speaker')).toEqual([]);
    const warned = diagnostics(analyzeText(text, resolveSettings({ rules: { 'inconsistent-speaker': 'warning' } })), URI);
    expect(warned.map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
  });

  it('reports nothing on the existing fixtures, whose labels are consistent', () => {
    for (const name of ['zh-interview.txt', 'en-podcast.transcript', 'en-qa.txt', 'en-declared.txt', 'zh-declared.txt', 'chat-session.txt']) {
      expect(findingsOf(analyzeText(fixture(name)), 'inconsistent-speaker'), name).toEqual([]);
    }
  });
});

describe('declared speakers', () => {
  it('reads the declaration the parser records, and an empty list when the model has none', () => {
    const model = parseTranscript(fixture('en-declared.txt'));
    expect(declaredSpeakers(model).map((entry) => [entry.code, entry.line])).toEqual([
      ['Dana Whitfield', 1],
      ['Omar Castillo', 1],
      ['Priya Natarajan', 1],
    ]);
    expect(declaration(model)).toMatchObject({ kind: 'list', firstLine: 1, lastLine: 1 });
    // A model from a parser that does not record declarations (or a garbled value) declares nothing.
    const { declaredSpeakers: _ignored, ...withoutDeclarations } = model as TranscriptModel & { declaredSpeakers?: unknown };
    expect(declaredSpeakers(withoutDeclarations as TranscriptModel)).toEqual([]);
    expect(declaredSpeakers({ ...model, declaredSpeakers: 'CHI' } as unknown as TranscriptModel)).toEqual([]);
    expect(undeclaredSpeakers(withoutDeclarations as TranscriptModel)).toEqual([]);
  });

  it('reads a CHAT @Participants header with its tab-indented continuation line', () => {
    const model = parseTranscript(fixture('chat-session.txt'));
    expect(declaration(model)).toMatchObject({ kind: 'chat', firstLine: 3, lastLine: 4 });
  });

  it("appends in the list's own separator style", () => {
    expect(listSeparator('Speakers: Dana Whitfield, Omar Castillo')).toBe(', ');
    expect(listSeparator('人物：孙弘、李钟伟')).toBe('、');
    expect(listSeparator('嘉宾：孙弘，李钟伟')).toBe('，');
    expect(listSeparator('Speakers: Dana; Omar')).toBe('; ');
    expect(listSeparator('人物：孙弘')).toBe('、');
    expect(listSeparator('Speakers: Dana')).toBe(', ');
  });
});

describe('undeclared-speaker', () => {
  it('is in the rule table, Warning by default', () => {
    expect(RULE_CODES).toContain('undeclared-speaker');
    expect(RULES['undeclared-speaker'].defaultLevel).toBe('warning');
  });

  it('reports every turn of a speaker missing from a Speakers: line, with a fix that appends ", Name"', () => {
    const text = fixture('en-declared.txt');
    const lines = text.split('\n');
    const analysis = analyzeText(text);
    const declared = range(1, 0, lines[1].length);
    expect(findingsOf(analysis, 'undeclared-speaker')).toEqual([
      {
        code: 'undeclared-speaker',
        range: range(7, 0, 10),
        message: "Speaker 'Lee Moreno' is not among the speakers declared on line 2.",
        related: [{ range: declared, message: 'Speakers declared here' }],
        turnIndex: 4,
      },
      {
        code: 'undeclared-speaker',
        range: range(9, 0, 10),
        message: "Speaker 'Lee Moreno' is not among the speakers declared on line 2.",
        related: [{ range: declared, message: 'Speakers declared here' }],
        turnIndex: 6,
      },
    ]);
    const published = diagnostics(analysis, URI).filter((diagnostic) => diagnostic.code === 'undeclared-speaker');
    expect(published.map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    expect(published[0].codeDescription?.href).toMatch(/#undeclared-speaker$/);

    const actions = quickFixes(analysis, published[1]);
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred])).toEqual([
      ["Add 'Lee Moreno' to the declared speakers", CodeActionKind.QuickFix, true],
    ]);
    expect(editsOf(actions[0])).toEqual([{ range: at(1, lines[1].length), newText: ', Lee Moreno' }]);
    const fixed = apply(text, editsOf(actions[0]));
    expect(fixed.split('\n')[1]).toBe('Speakers: Dana Whitfield (chair), Omar Castillo, Priya Natarajan, Lee Moreno');
    expect(analyzeText(fixed).findings).toEqual([]);
  });

  it('appends 、Name to a 人物： line, and leaves role words such as 主持人 alone', () => {
    const text = fixture('zh-declared.txt');
    const analysis = analyzeText(text);
    const found = findingsOf(analysis, 'undeclared-speaker');
    expect(found.map((finding) => [finding.range, finding.message])).toEqual([[range(7, 0, 2), "Speaker '王芳' is not among the speakers declared on line 2."]]);
    const diagnostic = diagnostics(analysis, URI).find((item) => item.code === 'undeclared-speaker')!;
    const actions = quickFixes(analysis, diagnostic);
    expect(actions.map((action) => action.title)).toEqual(["Add '王芳' to the declared speakers"]);
    expect(editsOf(actions[0])).toEqual([{ range: at(1, '人物：孙弘、李钟伟'.length), newText: '、王芳' }]);
    expect(apply(text, editsOf(actions[0])).split('\n')[1]).toBe('人物：孙弘、李钟伟、王芳');
  });

  it('appends ", CODE Unknown" to a CHAT @Participants header, after its continuation line', () => {
    const text = fixture('chat-session.txt');
    const lines = text.split('\n');
    const analysis = analyzeText(text);
    const found = findingsOf(analysis, 'undeclared-speaker');
    expect(found.map((finding) => [finding.range, finding.message, finding.related[0].range])).toEqual([
      [range(11, 1, 4), "Speaker 'FAT' is not among @Participants (line 4).", { start: { line: 3, character: 0 }, end: { line: 4, character: lines[4].length } }],
    ]);
    const diagnostic = diagnostics(analysis, URI).find((item) => item.code === 'undeclared-speaker')!;
    const actions = quickFixes(analysis, diagnostic);
    expect(actions.map((action) => action.title)).toEqual(["Add 'FAT' to @Participants"]);
    expect(editsOf(actions[0])).toEqual([{ range: at(4, lines[4].length), newText: ', FAT Unknown' }]);
    const fixed = apply(text, editsOf(actions[0]));
    expect(fixed.split('\n').slice(3, 5)).toEqual(['@Participants:\tCHI Ada Target_Child, MOT Mother,', '\tINV Investigator, FAT Unknown']);
    expect(findingsOf(analyzeText(fixed), 'undeclared-speaker')).toEqual([]);
  });

  it('offers adding every undeclared speaker at once when there are several', () => {
    const text = 'Panel\nSpeakers: Ann\n\nAnn: Welcome. Bo, why?\nBo: Because.\nAnn: Cy, and you?\nCy: Same.\n';
    const analysis = analyzeText(text);
    expect(findingsOf(analysis, 'undeclared-speaker').map((finding) => finding.range.start.line)).toEqual([4, 6]);
    const diagnostic = diagnostics(analysis, URI).find((item) => item.code === 'undeclared-speaker')!;
    const actions = quickFixes(analysis, diagnostic);
    expect(actions.map((action) => action.title)).toEqual(["Add 'Bo' to the declared speakers", 'Add all 2 undeclared speakers to the declared speakers']);
    expect(editsOf(actions[1])).toEqual([{ range: at(1, 'Speakers: Ann'.length), newText: ', Bo, Cy' }]);
    expect(analyzeText(apply(text, editsOf(actions[1]))).findings).toEqual([]);
  });

  it('accepts a declared full name for a title-and-surname label, and variants of a declared label', () => {
    const text = 'Briefing\nSpeakers: Jen Psaki\n\nQ: Hello?\nMS. PSAKI: Hi.\nQ: Again?\nPSAKI: Yes.\nQ: More?\nMS. PSAKI: No.\n';
    const analysis = analyzeText(text);
    expect(findingsOf(analysis, 'undeclared-speaker')).toEqual([]);
    expect(findingsOf(analysis, 'inconsistent-speaker').map((finding) => finding.range)).toEqual([range(6, 0, 5)]);
  });

  it('leaves placeholders for unnamed voices alone (Speaker 1, SPEAKER_00, 说话人1)', () => {
    for (const label of ['Speaker 1', 'SPEAKER_00', 'Speaker A', '说话人1', '發言人2', 'Unknown']) {
      expect(isPlaceholderLabel(label), label).toBe(true);
    }
    for (const label of ['Speaker of the House', 'Speakers', '孙弘', 'Dana Whitfield']) expect(isPlaceholderLabel(label), label).toBe(false);
    const text = '座谈会\n人物：孙海、林晓岚\n说话人1：各位好？\n说话人2：谢谢。\n说话人1：开工了吗？\n孙海：明年。\n';
    expect(findingsOf(analyzeText(text), 'undeclared-speaker')).toEqual([]);
  });

  it('reports nothing where the file declares no participants, and follows its level setting', () => {
    for (const name of ['zh-interview.txt', 'en-podcast.transcript', 'en-drift.txt']) {
      expect(findingsOf(analyzeText(fixture(name)), 'undeclared-speaker'), name).toEqual([]);
    }
    expect(findingsOf(analyzeText(fixture('en-declared.txt'), resolveSettings({ rules: { 'undeclared-speaker': 'off' } })), 'undeclared-speaker')).toEqual([]);
  });
});

describe('settings contributed by the extension (package.json, package.nls*.json)', () => {
  const root = path.resolve(__dirname, '..', '..');
  const read = (name: string) => JSON.parse(readFileSync(path.join(root, name), 'utf8'));
  const properties: Record<string, { default: unknown; enum?: string[]; markdownDescription: string }> = read('package.json').contributes.configuration.properties;

  it('has a level setting for every rule, with its default level', () => {
    for (const code of RULE_CODES) {
      expect(properties[`transcript.rules.${code}`], code).toMatchObject({ default: RULES[code].defaultLevel, enum: ['off', 'hint', 'information', 'warning', 'error'] });
    }
    expect(properties['transcript.inlayHints.enabled']).toMatchObject({ type: 'boolean', default: false });
  });

  it('describes every setting in English and Simplified Chinese', () => {
    const english = read('package.nls.json');
    const chinese = read('package.nls.zh-cn.json');
    for (const [name, property] of Object.entries(properties)) {
      const key = /^%(.+)%$/.exec(property.markdownDescription)?.[1];
      expect(key, name).toBeDefined();
      expect(english[key!], `${name} in package.nls.json`).toEqual(expect.any(String));
      expect(chinese[key!], `${name} in package.nls.zh-cn.json`).toEqual(expect.any(String));
    }
  });
});
