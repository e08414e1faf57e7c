// The model on the real transcripts in ../shared/corpus (see SOURCES.md there): White House
// briefings, a Supreme Court argument converted from PDF, and two TalkBank CHAT files. The files
// are not copied into this repository; these tests read them from beside it and skip when absent.
//
// Every expected number is stated literally and also counted here independently of the parser,
// with a plain regular expression over the raw lines (the same counts `grep -c` gives).
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import type { TranscriptModel } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parser';

const corpusDir = path.resolve(__dirname, '../../../shared/corpus');
const read = (name: string): string => readFileSync(path.join(corpusDir, name), 'utf8');
const rawLines = (text: string): string[] => text.split(/\r\n|\r|\n/);
/** Lines matching `pattern`, counted without the parser. */
const countLines = (text: string, pattern: RegExp): number => rawLines(text).filter((line) => pattern.test(line)).length;
const turnsOf = (model: TranscriptModel, label: string) => model.turns.filter((turn) => turn.speaker.label === label);

describe.skipIf(!existsSync(corpusDir))('the corpus in ../shared/corpus', () => {
  describe('White House briefing, Jen Psaki, 2021-01-20', () => {
    const text = existsSync(corpusDir) ? read('en_whitehouse_psaki_briefing_2021-01-20.txt') : '';
    const model = parseTranscript(text);

    it('has 35 Q turns (a bare Q and no-break spaces, no colon) and 38 MS. PSAKI turns, and no other speaker', () => {
      const q = countLines(text, /^[\s\u00a0]*Q[\u00a0\t]|^[\s\u00a0]*Q {2}/);
      const psaki = countLines(text, /^[\s\u00a0]*MS\. PSAKI:/);
      expect([q, psaki]).toEqual([35, 38]);
      expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length, speaker.role])).toEqual([
        ['MS. PSAKI', psaki, 'answerer'],
        ['Q', q, 'questioner'],
      ]);
      for (const turn of turnsOf(model, 'Q')) {
        expect(turn.labelStyle).toBe('bare');
        expect(turn.colonRange).toEqual({ start: turn.labelRange.end, end: turn.labelRange.end });
      }
    });

    it('makes the first question a question although it has no question mark', () => {
      const first = model.exchanges[0].question;
      expect(first.label).toBe('Q');
      expect(first.asks).toBe(false);
      expect(first.isQuestion).toBe(true);
      expect(first.text.startsWith('Thanks, Jen.')).toBe(true);
      expect(model.exchanges).toHaveLength(35);
    });

    it('keeps the front matter and the lines before the first turn in the preamble, and turns span their wrapped lines', () => {
      const firstTurn = model.turns[0];
      expect(firstTurn.label).toBe('MS. PSAKI');
      expect(model.preamble!.lastLine).toBeLessThan(firstTurn.line);
      expect(model.preamble!.lines.filter((line) => line.kind === 'front-matter')).toHaveLength(8);
      expect(model.preamble!.title?.text).toMatch(/^James S\. Brady Press Briefing/);
      expect(firstTurn.lastLine - firstTurn.line).toBeGreaterThan(50);
    });

    it('ends the last turn before the closing time and ###', () => {
      expect(model.appendix?.kind).toBe('closing');
      const last = model.turns[model.turns.length - 1];
      expect(last.lastLine).toBeLessThan(model.appendix!.firstLine);
      expect(last.text).not.toMatch(/P\.M\. EST|###/);
    });
  });

  describe('White House briefing, Karoline Leavitt, 2025-01-29', () => {
    const text = existsSync(corpusDir) ? read('en_whitehouse_leavitt_briefing_2025-01-29.txt') : '';
    const model = parseTranscript(text);

    it('has 109 Q turns and 88 MS. LEAVITT turns (indented or not), and no other speaker', () => {
      const q = countLines(text, /^[\s\u00a0]*Q[\u00a0\t]|^[\s\u00a0]*Q {2}/);
      const leavitt = countLines(text, /^[\s\u00a0]*MS\. LEAVITT:/);
      expect([q, leavitt]).toEqual([109, 88]);
      expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length])).toEqual([
        ['MS. LEAVITT', leavitt],
        ['Q', q],
      ]);
      expect(model.turns[0].labelRange.start.character).toBe(5); // `     MS. LEAVITT:` with no-break spaces
      expect(model.exchanges).toHaveLength(109);
    });

    it('keeps runs of consecutive Q turns as separate questions', () => {
      let consecutive = 0;
      for (let i = 1; i < model.turns.length; i++) if (model.turns[i].label === 'Q' && model.turns[i - 1].label === 'Q') consecutive++;
      expect(consecutive).toBeGreaterThan(5);
    });

    it('finds the (Cross-talk.) and (Laughter.) notes and ends before the END line', () => {
      expect(model.annotations.map((annotation) => annotation.text).filter((note) => note === '(Cross-talk.)')).toHaveLength(countLines(text, /\(Cross-talk\.\)/));
      expect(model.appendix?.kind).toBe('closing');
      expect(model.lines.lineText(model.appendix!.firstLine)).toMatch(/^END/);
    });
  });

  describe('Supreme Court, HHS v. Florida, 2012-03-26 (converted from PDF)', () => {
    const text = existsSync(corpusDir) ? read('en_scotus_hhs_v_florida_2012-03-26.txt') : '';
    const model = parseTranscript(text);
    /** `NN   LABEL:` after the line-number margin, counted per label. */
    const expected = new Map<string, number>();
    for (const line of rawLines(text)) {
      const match = /^ ?\d{1,2}\s+((?:CHIEF JUSTICE|JUSTICE|MR\.|GENERAL) [A-Z]+):/.exec(line);
      if (match) expected.set(match[1], (expected.get(match[1]) ?? 0) + 1);
    }

    it('finds the justices and counsel, with no line number in any label', () => {
      expect(Object.fromEntries(expected)).toEqual({
        'CHIEF JUSTICE ROBERTS': 20,
        'MR. LONG': 54,
        'JUSTICE SCALIA': 6,
        'JUSTICE KENNEDY': 10,
        'JUSTICE GINSBURG': 17,
        'JUSTICE SOTOMAYOR': 43,
        'JUSTICE ALITO': 16,
        'JUSTICE KAGAN': 22,
        'JUSTICE BREYER': 19,
        'GENERAL VERRILLI': 49,
        'MR. KATSAS': 37,
      });
      expect(new Map(model.speakers.map((speaker) => [speaker.label, speaker.turns.length]))).toEqual(expected);
      expect(model.turns).toHaveLength(293);
      for (const turn of model.turns) expect(turn.label).not.toMatch(/\d/);
      expect(model.layout.lineNumberMargin).toBe(true);
    });

    it('gives the justices the interviewer role and counsel the answerer role', () => {
      for (const speaker of model.speakers) expect(speaker.role).toBe(/JUSTICE/.test(speaker.label) ? 'interviewer' : 'answerer');
    });

    it('keeps page footers, page numbers, form feeds and margins out of every turn’s spoken text', () => {
      for (const turn of model.turns) {
        const spoken = turn.spokenText;
        expect(spoken).not.toMatch(/Alderson Reporting|Official - Subject|\f/);
        expect(spoken).not.toMatch(/(^|\n)[ \t]*\d{1,3}[ \t]*(\n|$)/); // a lone line or page number
        expect(spoken).not.toMatch(/(^|\n) ?\d{1,2} {3}/); // a margin before text
      }
      expect(model.layout.pageBreakLines).toHaveLength(countLines(text, /^\f/));
    });

    it('ends the last turn before the word index, which is the appendix', () => {
      const last = model.turns[model.turns.length - 1];
      expect(last.label).toBe('CHIEF JUSTICE ROBERTS');
      expect(last.text).toMatch(/^We will continue argument in this case tomorrow\./);
      expect(last.text).not.toMatch(/\d+:\d+ \d+:\d+/);
      expect(model.appendix?.kind).toBe('index');
      expect(last.lastLine).toBeLessThan(model.appendix!.firstLine);
      expect(model.lines.lineText(model.appendix!.firstLine)).toMatch(/^\s+A\s+58:2,21/);
      expect(model.appendix!.lastLine).toBeGreaterThan(model.lines.lineCount - 5);
    });

    it('starts with the Chief Justice calling the case, after the caption and the contents', () => {
      expect(model.turns[0].label).toBe('CHIEF JUSTICE ROBERTS');
      expect(model.preamble?.title?.text).toBe('IN THE SUPREME COURT OF THE UNITED STATES');
      expect(model.preamble!.lastLine).toBeLessThan(model.turns[0].line);
    });
  });

  /** Main tiers of a speaker (with their tab-continuation lines), and how many contain `?`. */
  function chatTiers(text: string, code: string): { turns: number; asking: number } {
    let turns = 0;
    let asking = 0;
    let current: string | undefined;
    const flush = (): void => {
      if (current === undefined) return;
      turns++;
      if (current.includes('?')) asking++;
      current = undefined;
    };
    for (const line of rawLines(text)) {
      if (line.startsWith('\t')) {
        if (current !== undefined) current += line;
        continue;
      }
      flush();
      if (line.startsWith(`*${code}:`)) current = line;
    }
    flush();
    return { turns, asking };
  }

  describe('CHAT, ASDBank Eigsti 1010', () => {
    const text = existsSync(corpusDir) ? read('chat_asdbank_eigsti_1010.txt') : '';
    const model = parseTranscript(text);

    it('declares CHI, JEN, IME and MOT in @Participants (continued on a tab line)', () => {
      expect(model.declaredSpeakers).toEqual([
        { code: 'CHI', name: 'Adrianne', role: 'Target_Child', line: 3 },
        { code: 'JEN', name: 'Jenny', role: 'Investigator', line: 3 },
        { code: 'IME', name: 'Inge-Marie', role: 'Investigator', line: 3 },
        { code: 'MOT', role: 'Mother', line: 4 },
      ]);
    });

    it('finds the speakers IME, CHI and JEN with their number of main tiers', () => {
      const counts = ['IME', 'CHI', 'JEN'].map((code) => chatTiers(text, code).turns);
      expect(counts).toEqual([3, 164, 190]);
      expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length])).toEqual([
        ['IME', 3],
        ['CHI', 164],
        ['JEN', 190],
      ]);
      for (const turn of model.turns) expect(turn.labelStyle).toBe('chat');
    });

    it('keeps %mor, %gra and the other dependent tiers out of the spoken text', () => {
      for (const turn of model.turns) expect(turn.spokenText).not.toMatch(/%(mor|gra|act|com|tim):|\|/);
      // Every dependent tier line (`%…`) and every tab line continuing one is a non-spoken span.
      let tierLines = 0;
      let inTier = false;
      for (const line of rawLines(text)) {
        if (!line.startsWith('\t')) inTier = line.startsWith('%');
        if (inTier) tierLines++;
      }
      expect(model.turns.reduce((sum, turn) => sum + turn.nonSpoken.filter((span) => span.kind === 'dependent-tier').length, 0)).toBe(tierLines);
    });

    it('makes the investigator JEN an interviewer whose 129 asking tiers are the questions', () => {
      const jen = chatTiers(text, 'JEN');
      expect(jen.asking).toBe(129);
      expect(model.speakersByKey.get('JEN')?.role).toBe('interviewer');
      expect(model.exchanges).toHaveLength(jen.asking);
      expect(model.exchanges.every((exchange) => exchange.question.label === 'JEN')).toBe(true);
    });
  });

  describe('CHAT, ASDBank Nadig 125', () => {
    const text = existsSync(corpusDir) ? read('chat_asdbank_nadig_125.txt') : '';
    const model = parseTranscript(text);

    it('declares CHI and MOT', () => {
      expect(model.declaredSpeakers).toEqual([
        { code: 'CHI', role: 'Child', line: 4 },
        { code: 'MOT', role: 'Mother', line: 4 },
      ]);
    });

    it('finds MOT and CHI, and keeps @Bg / @Eg / @End and %mor out of the turns', () => {
      expect([chatTiers(text, 'MOT').turns, chatTiers(text, 'CHI').turns]).toEqual([255, 147]);
      expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length])).toEqual([
        ['MOT', 255],
        ['CHI', 147],
      ]);
      for (const turn of model.turns) expect(turn.spokenText).not.toMatch(/%mor|%gra|@Bg|@Eg|@End/);
      expect(model.preamble!.lastLine).toBeLessThan(model.turns[0].line);
      expect(model.preamble!.lines.every((line) => line.kind === 'header')).toBe(true);
    });

    it('infers the mother as an interviewer, so her 69 questions are questions', () => {
      const mot = chatTiers(text, 'MOT');
      expect(mot.asking).toBe(69);
      expect(model.speakersByKey.get('MOT')).toMatchObject({ role: 'interviewer', roleSource: 'inferred' });
      expect(model.exchanges).toHaveLength(69);
      expect(model.exchanges.every((exchange) => exchange.question.label === 'MOT')).toBe(true);
      expect(model.speakersByKey.get('CHI')?.role).toBe('answerer');
    });
  });

  it('analyses every file without findings outside the document', () => {
    for (const name of ['en_whitehouse_psaki_briefing_2021-01-20.txt', 'en_whitehouse_leavitt_briefing_2025-01-29.txt', 'en_scotus_hhs_v_florida_2012-03-26.txt', 'chat_asdbank_eigsti_1010.txt', 'chat_asdbank_nadig_125.txt']) {
      const analysis = analyzeText(read(name));
      for (const finding of analysis.findings) expect(finding.range.end.line).toBeLessThan(analysis.model.lines.lineCount);
    }
  });
});
