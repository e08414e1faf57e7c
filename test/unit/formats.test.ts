// The real-world label formats, each on a fixture written for this project in the shape of the
// public transcripts in ../shared/corpus: a press briefing, a court transcript converted from PDF,
// a CHAT (TalkBank) session, timestamped exports and Chinese variants.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { insertAnswerEdit } from '../../server/src/core/fixes';
import { matchLabel } from '../../server/src/core/labels';
import { parseTranscript } from '../../server/src/core/parser';
import { fixture, lineNumbers, textAt } from './helpers';

const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

describe('a press briefing (bare Q, NBSP spacing, hard-wrapped turns, front matter, closing lines)', () => {
  const text = fixture('en-briefing.txt');
  const model = parseTranscript(text);

  it('finds 5 Q turns and 5 MS. LEE turns, and nothing else', () => {
    expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length, speaker.role, speaker.roleSource])).toEqual([
      ['MS. LEE', 5, 'answerer', 'default'],
      ['Q', 5, 'questioner', 'label'],
    ]);
    expect(lineNumbers(model.turns)).toEqual([10, 14, 17, 20, 22, 24, 26, 28, 30, 33]);
  });

  it('reads a bare Q followed by no-break spaces as a label with an empty colon range right after it', () => {
    const q = model.turns[1];
    expect(q.label).toBe('Q');
    expect(q.labelStyle).toBe('bare');
    expect(q.hasColon).toBe(false);
    expect(q.labelRange).toEqual(range(13, 0, 1));
    expect(q.colonRange).toEqual(range(13, 1, 1));
    expect(q.textRange.start).toEqual({ line: 13, character: 5 });
    expect(q.text).toBe('Thanks, Dana. First on the storm — the governor said the shelters are full.');
  });

  it('makes the first question a question although it has no question mark (Q is a question label)', () => {
    expect(model.turns[1].asks).toBe(false);
    expect(model.turns[1].isQuestion).toBe(true);
    expect(model.exchanges.map((exchange) => exchange.question.line + 1)).toEqual([14, 20, 24, 26, 30]);
    expect(model.exchanges[2].answers).toEqual([]); // `Q —`, cut off by the next reporter
  });

  it('reads an indented MS. LEE: (no-break spaces) with its exact label and colon', () => {
    const lee = model.turns[0];
    expect(lee.labelRange).toEqual(range(9, 5, 12));
    expect(lee.colonRange).toEqual(range(9, 12, 13));
    expect(lee.hasColon).toBe(true);
    expect(lee.labelStyle).toBe('colon');
    expect([lee.line, lee.lastLine]).toEqual([9, 11]);
  });

  it('keeps the front matter and the lines before the first turn in the preamble', () => {
    expect(model.preamble?.lines.map((line) => [line.line, line.kind])).toEqual([
      [0, 'front-matter'],
      [1, 'front-matter'],
      [2, 'front-matter'],
      [3, 'front-matter'],
      [4, 'front-matter'],
      [6, 'title'],
      [8, 'lead'],
    ]);
    expect(model.preamble!.lastLine).toBeLessThan(model.turns[0].line);
  });

  it('does not make a wrapped line with a colon (`waiting on both banks:`) a turn', () => {
    expect(model.turns[8].lastLine).toBe(30);
    expect(model.turns[8].text).toContain('waiting on both banks:');
  });

  it('reads (Laughter.) as an annotation', () => {
    expect(model.annotations.map((annotation) => [annotation.text, annotation.range])).toEqual([['(Laughter.)', range(21, 60, 71)]]);
    expect(model.turns[4].spokenText).not.toContain('Laughter');
  });

  it('ends the last turn before the closing lines (`2:31 P.M. EDT`, `###`)', () => {
    expect(model.appendix).toEqual({ kind: 'closing', firstLine: 34, lastLine: 36, range: range(34, 0, 3, 36) });
    const last = model.turns[model.turns.length - 1];
    expect([last.line, last.lastLine]).toEqual([32, 32]);
  });

  it('adds an answer to a colon-less question with the answerer’s own colon', () => {
    const analysis = analyzeText(text);
    const question = model.exchanges[2].question;
    const edit = insertAnswerEdit(analysis.model, question, model.speakersByKey.get('MS. LEE')!);
    expect(edit.newText).toBe('\nMS. LEE: ');
  });
});

describe('a court transcript converted from PDF (line numbers, pages, furniture, word index)', () => {
  const text = fixture('court-argument.txt');
  const model = parseTranscript(text);

  it('detects the line-number margin, the page breaks and the page furniture', () => {
    expect(model.layout.lineNumberMargin).toBe(true);
    expect(model.layout.pageBreakLines).toEqual([56, 112, 168, 224]);
    const furniture = model.layout.furnitureLines.map((line) => model.lines.lineText(line).replace('\f', '').trim());
    expect(new Set(furniture)).toEqual(new Set(['Draft - Not for Citation', 'Harbor Reporting Services', '1', '2', '3', '4', '5']));
    expect(furniture.filter((line) => line === 'Draft - Not for Citation')).toHaveLength(5); // the first page's header too
  });

  it('finds the speakers, with no line number in any label', () => {
    expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length, speaker.role])).toEqual([
      ['CHIEF JUSTICE MARSH', 3, 'interviewer'],
      ['MS. ADEYEMI', 4, 'answerer'],
      ['JUSTICE OKAFOR', 4, 'interviewer'],
      ['JUSTICE LINDQVIST', 3, 'interviewer'],
      ['MR. REINHOLT', 4, 'answerer'],
    ]);
    for (const turn of model.turns) expect(turn.label).toMatch(/^[A-Z][A-Z. ]+$/);
  });

  it('gives label ranges without the margin or the padding', () => {
    const first = model.turns[0];
    expect(first.line).toBe(63);
    expect(model.lines.lineText(63).slice(0, 2)).toBe(' 3');
    expect(first.labelRange).toEqual(range(63, 19, 38));
    expect(textAt(text, first.labelRange)).toBe('CHIEF JUSTICE MARSH');
    expect(first.colonRange).toEqual(range(63, 38, 39));
  });

  it('keeps margins, page numbers, headers, footers and form feeds out of the spoken text', () => {
    const okafor = model.turns[6];
    expect([okafor.line, okafor.lastLine]).toEqual([105, 115]);
    expect(okafor.text).toBe('And who holds the hearing, and how long does it take?');
    expect(okafor.nonSpoken.map((span) => span.kind)).toEqual(['margin', 'page-furniture', 'page-furniture', 'page-furniture', 'margin']);
    for (const turn of model.turns) {
      expect(turn.spokenText).not.toMatch(/Harbor Reporting|Draft - Not|\f/);
      expect(turn.spokenText).not.toMatch(/(^|\n)[ \t]*\d{1,2}[ \t]/);
    }
  });

  it('does not take wrapped lines with a colon for labels (`please the Court:`, `Section 12 are:`)', () => {
    const adeyemi = model.turns[1];
    expect(adeyemi.text).toBe(
      'Chief Justice Marsh, and may it please the Court: The harbor statute says that a fee shall be paid before the cargo is released. ' +
        'It does not say that the fee is a tax, and the department never treated it as one until this case.',
    );
    expect(model.turns[3].text).toContain('Section 12 are:');
  });

  it('ends the last turn before the word index and exposes the index as the appendix', () => {
    const last = model.turns[model.turns.length - 1];
    expect(last.speaker.label).toBe('CHIEF JUSTICE MARSH');
    expect(last.text).toBe('Thank you, counsel. The case is submitted. (Whereupon, at 10:41 a.m., the case in the above-entitled matter was submitted.)');
    expect(last.lastLine).toBe(177);
    expect(model.appendix?.kind).toBe('index');
    expect(model.appendix?.firstLine).toBe(228);
    expect(model.lines.lineText(228)).toMatch(/^ +A +bond 12:23/);
    expect(model.appendix?.lastLine).toBe(242); // the page footer under the index
  });

  it('starts the preamble at the caption, without the page header', () => {
    expect(model.preamble?.title?.text).toBe('IN THE APPELLATE COURT OF THE NORTHERN DISTRICT');
    expect(model.preamble!.lines.some((line) => /Draft|Reporting/.test(line.text))).toBe(false);
    expect(model.preamble!.lines.some((line) => /^\d/.test(line.text))).toBe(false);
  });
});

describe('a CHAT session (TalkBank)', () => {
  const text = fixture('chat-toyplay.cha.txt');
  const model = parseTranscript(text);

  it('declares the participants of the @Participants header, continuation line included', () => {
    expect(model.declaredSpeakers).toEqual([
      { code: 'CHI', name: 'Robin', role: 'Target_Child', line: 3 },
      { code: 'INV', name: 'Maya', role: 'Investigator', line: 3 },
      { code: 'FAT', role: 'Father', line: 4 },
    ]);
  });

  it('reads *INV: and *CHI: main tiers, the * being a marker outside the label', () => {
    expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length])).toEqual([
      ['INV', 10],
      ['CHI', 8],
    ]);
    const first = model.turns[0];
    expect(first.labelStyle).toBe('chat');
    expect(first.labelRange).toEqual(range(11, 1, 4));
    expect(first.colonRange).toEqual(range(11, 4, 5));
    expect(first.textRange.start).toEqual({ line: 11, character: 6 });
  });

  it('keeps @ headers out of the turns and in the preamble', () => {
    expect(model.preamble?.lines.map((line) => line.kind)).toEqual(Array(11).fill('header'));
    expect(model.preamble?.title).toBeUndefined();
    expect(model.turns.some((turn) => turn.label.startsWith('@'))).toBe(false);
    // `@Eg` between two turns and `@End` at the end belong to no turn.
    expect(model.turns[16].lastLine).toBe(36);
    expect(model.turns[17].lastLine).toBe(39);
  });

  it('gives %mor / %gra / %com tiers to the turn above, outside its spoken text', () => {
    const first = model.turns[0];
    expect([first.line, first.lastLine]).toEqual([11, 13]);
    expect(first.nonSpoken.map((span) => span.kind)).toEqual(['dependent-tier', 'dependent-tier']);
    expect(first.spokenText.trim()).toBe('look at the boat .');
    expect(first.text).toBe('look at the boat .');
    const wrappedTier = model.turns[5];
    expect(wrappedTier.nonSpoken.map((span) => [span.kind, model.lines.positionAt(span.start).line])).toEqual([
      ['dependent-tier', 22],
      ['dependent-tier', 23],
    ]);
    for (const turn of model.turns) expect(turn.spokenText).not.toMatch(/%mor|%gra|%com|\|/);
  });

  it('keeps a main tier continued on a tab line in the spoken text', () => {
    expect(model.turns[14].text).toBe('more boat , more boat .');
  });

  it('does not count a question mark in a %com tier as asking', () => {
    expect(model.turns[6].label).toBe('CHI');
    expect(model.turns[6].asks).toBe(false);
  });

  it('infers the investigator as an interviewer (she asks far more often than the child)', () => {
    const inv = model.speakersByKey.get('INV')!;
    expect([inv.role, inv.roleSource]).toEqual(['interviewer', 'inferred']);
    expect(model.exchanges.map((exchange) => exchange.question.line + 1)).toEqual([17, 22, 27, 31, 36]);
    expect(model.exchanges[0].answers.map((turn) => turn.line + 1)).toEqual([20]);
  });

  it('does not take the omitted sounds of CHAT (`goin(g)`) for annotations', () => {
    expect(model.annotations).toEqual([]);
  });

  it('adds an answer to a CHAT question as a CHAT main tier', () => {
    const last = model.exchanges[model.exchanges.length - 1].question;
    expect(insertAnswerEdit(model, last, model.speakersByKey.get('CHI')!).newText).toBe('\n*CHI:\t');
  });
});

describe('timestamps in the common export shapes', () => {
  const text = fixture('en-timestamps.txt');
  const model = parseTranscript(text);

  it('reads [00:00:05] Name:, Name (00:00:19): and 00:00:40.5Name:', () => {
    expect(model.turns.map((turn) => [turn.line, turn.label, turn.timestamp?.text])).toEqual([
      [2, 'Sam Reyes', '00:00:05'],
      [3, 'Omar Castillo', '00:00:11'],
      [4, 'Sam Reyes', '00:00:19'],
      [5, 'Omar Castillo', '00:00:24'],
      [6, 'Sam Reyes', '00:00:40.5'],
      [7, 'Omar Castillo', '00:00:47.0'],
    ]);
    expect([model.turns[0].timestampRange, model.turns[0].labelRange, model.turns[0].colonRange]).toEqual([range(2, 1, 9), range(2, 11, 20), range(2, 20, 21)]);
    expect([model.turns[2].labelRange, model.turns[2].timestampRange, model.turns[2].colonRange]).toEqual([range(4, 0, 9), range(4, 11, 19), range(4, 20, 21)]);
    expect([model.turns[4].timestampRange, model.turns[4].labelRange]).toEqual([range(6, 0, 10), range(6, 10, 19)]);
  });

  it('keeps [crosstalk] and (APPLAUSE) as annotations', () => {
    expect(model.annotations.map((annotation) => [annotation.text, annotation.range.start.line])).toEqual([
      ['[crosstalk]', 3],
      ['(APPLAUSE)', 5],
    ]);
    expect(model.turns[1].spokenText).toBe('Glad to be here  again.');
  });

  it('keeps a title with a colon in the preamble', () => {
    expect(model.preamble?.title?.text).toBe('Harbor podcast, episode 12: the ferry timetable');
  });
});

describe('an export with the label and time alone on a line (`Name  0:05`)', () => {
  const text = fixture('en-otter.txt');
  const model = parseTranscript(text);

  it('reads each heading as a turn whose text is on the next lines', () => {
    expect(model.turns.map((turn) => [turn.line, turn.lastLine, turn.label, turn.timestamp?.text, turn.labelStyle])).toEqual([
      [2, 3, 'Sam Reyes', '0:05', 'heading'],
      [5, 7, 'Omar Castillo', '0:12', 'heading'],
      [9, 10, 'Sam Reyes', '0:31', 'heading'],
      [12, 15, 'Omar Castillo', '1:02', 'heading'],
    ]);
    const first = model.turns[0];
    expect(first.labelRange).toEqual(range(2, 0, 9));
    expect(first.colonRange).toEqual(range(2, 9, 9));
    expect(first.timestampRange).toEqual(range(2, 11, 15));
    expect(first.text).toBe('Welcome, everyone. Shall we start with the winter timetable?');
    expect(first.isQuestion).toBe(true);
  });

  it('does not start a turn at a one-off `Words  9:30` line inside a turn', () => {
    expect(model.turns[3].text).toBe('Because the crew is smaller in winter. The new crew starts at Harbor office 9:30 on the first Monday of April.');
  });
});

describe('Chinese variants', () => {
  const text = fixture('zh-variants.txt');
  const model = parseTranscript(text);

  it('reads 说话人1：, 記者：, 问：/答：, bold **問：** and bare 问　　', () => {
    expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length, speaker.role])).toEqual([
      ['说话人1', 2, 'answerer'],
      ['说话人2', 3, 'answerer'],
      ['記者', 1, 'interviewer'],
      ['问', 2, 'questioner'],
      ['答', 3, 'answerer'],
      ['問', 1, 'questioner'],
    ]);
    const bold = model.turns[8];
    expect([bold.labelRange, bold.colonRange, bold.textRange.start]).toEqual([range(10, 2, 3), range(10, 3, 4), { line: 10, character: 6 }]);
    const bare = model.turns[10];
    expect([bare.label, bare.labelStyle, bare.labelRange, bare.colonRange]).toEqual(['问', 'bare', range(12, 0, 1), range(12, 1, 1)]);
    expect(bare.text).toBe('票价会涨吗？');
  });

  it('declares the speakers listed on the 人物： line of the preamble', () => {
    expect(model.declaredSpeakers).toEqual([
      { code: '孙海', line: 1 },
      { code: '林晓岚', line: 1 },
      { code: '记者', role: '主持', line: 1 },
    ]);
    expect(model.preamble?.lines.map((line) => line.kind)).toEqual(['title', 'lead']);
  });

  it('makes the 記者 question and every 问/問 turn questions', () => {
    expect(model.exchanges.map((exchange) => exchange.question.label)).toEqual(['記者', '问', '問', '问']);
  });
});

describe('the label scanner on the new shapes', () => {
  const scan = (line: string) => {
    const match = matchLabel(line, 0, line.length, 32);
    return match && { label: match.label, at: line.slice(match.labelSpan.start, match.labelSpan.end), colon: [match.colonSpan.start, match.colonSpan.end], style: match.style };
  };

  it.each([
    ['Q\u00a0\u00a0 Thanks, Jen.', 'Q', [1, 1], 2],
    ['Q    Thanks, Jen: one more.', 'Q', [1, 1], 2],
    ['  A\tYes.', 'A', [3, 3], 2],
    ['Ｑ\u00a0What?', 'Ｑ', [1, 1], 2],
    ['答　　不会。', '答', [1, 1], 2],
    ['Q  : colon after spaces', 'Q', [3, 4], 0],
    ['*CHI:\tmilk ?', 'CHI', [4, 5], 1],
    ['*MOT:', 'MOT', [4, 5], 1],
    ['Sam Reyes  0:05', 'Sam Reyes', [9, 9], 3],
    ['Speaker 2   01:02:03', 'Speaker 2', [9, 9], 3],
    ['\f   JUSTICE KAGAN:  Well?', 'JUSTICE KAGAN', [17, 18], 0],
  ])('%s', (line, label, colon, style) => {
    expect(scan(line)).toEqual({ label, at: label, colon, style });
  });

  it.each([
    ['A lot of people came.'],
    ['Q Thanks.'],
    ['Quite  a day.'],
    ['*Note: a remark'],
    ['* CHI: spaced'],
    ['*CHI:milk'],
    ['We met at 10:30'],
    ['The board meets at  9:30'],
    ['Q    '],
  ])('is not a label: %s', (line) => {
    expect(scan(line)).toBeUndefined();
  });
});

describe('declared speakers in the preamble', () => {
  it('reads a Speakers: line with roles in brackets', () => {
    const model = parseTranscript('Harbor talk\nSpeakers: Sam Reyes (host), Omar Castillo; Lena Park\n\nSam Reyes: Hello?\nOmar Castillo: Hi.\nSam Reyes: Ready?\n');
    expect(model.declaredSpeakers).toEqual([
      { code: 'Sam Reyes', role: 'host', line: 1 },
      { code: 'Omar Castillo', line: 1 },
      { code: 'Lena Park', line: 1 },
    ]);
  });

  it('reads 嘉宾： with 、 and ignores such lines after the first turn', () => {
    const model = parseTranscript('访谈实录\n嘉宾：孙海、林晓岚\n提问：你好？\n孙海：你好。\n人物：王五\n');
    expect(model.declaredSpeakers).toEqual([
      { code: '孙海', line: 1 },
      { code: '林晓岚', line: 1 },
    ]);
  });

  it('is empty when nothing is declared', () => {
    expect(parseTranscript('Q: One?\nA: Two.').declaredSpeakers).toEqual([]);
    expect(parseTranscript('Q: One?\nA: Two.').appendix).toBeUndefined();
    expect(parseTranscript('Q: One?\nA: Two.').layout).toEqual({ lineNumberMargin: false, pageBreakLines: [], furnitureLines: [] });
  });
});

describe('hard-wrapped text is not cut into turns', () => {
  it('keeps a one-off label after a line wrapped mid-sentence in the turn (Cabinet nominees: …)', () => {
    const text = [
      'MS. LEE:  The Senate has already confirmed four of the exceptional',
      'Cabinet nominees: the harbor master, the ferry inspector and two',
      'others.',
      '',
      'Q    Thank you.',
      '',
      'MS. LEE:  Thank you.',
    ].join('\n');
    const model = parseTranscript(text);
    expect(model.turns.map((turn) => [turn.line, turn.label])).toEqual([
      [0, 'MS. LEE'],
      [4, 'Q'],
      [6, 'MS. LEE'],
    ]);
  });

  it('keeps a one-off label that starts with a lower-case letter in the turn (drones: …)', () => {
    const model = parseTranscript('Q: What about the lights?\nA: We studied them.\ndrones: they were hobbyists.\nQ: Thanks?');
    expect(model.turns.map((turn) => turn.line)).toEqual([0, 1, 3]);
  });

  it('still reads a short line before a one-off label as a finished turn', () => {
    const model = parseTranscript('Alice: hi\nBob: hello');
    expect(model.turns.map((turn) => turn.speaker.label)).toEqual(['Alice', 'Bob']);
  });
});

describe('role inference relative to the other speakers', () => {
  const lines = (mother: string[], child: string[]) => mother.flatMap((line, i) => [`MOT: ${line}`, `CHI: ${child[i]}`]).join('\n');

  it('infers an interviewer who asks much more often than the others, though in fewer than half of her turns', () => {
    const mother = ['look.', 'what is that?', 'a ball.', 'where is the dog?', 'yes.', 'who is this?', 'good.', 'what does it say?', 'okay.', 'can you push it?', 'nice.', 'come here.'];
    const child = ['ball.', 'dog.', 'ball!', 'there.', 'dog.', 'mama.', 'woof.', 'moo.', 'no.', 'yes.', 'this?', 'no.'];
    const model = parseTranscript(lines(mother, child));
    expect(model.speakersByKey.get('MOT')).toMatchObject({ role: 'interviewer', roleSource: 'inferred' });
    expect(model.speakersByKey.get('CHI')).toMatchObject({ role: 'answerer', roleSource: 'default' });
    expect(model.exchanges).toHaveLength(5);
  });

  it('does not infer it when the others ask about as often', () => {
    const mother = ['look.', 'what is that?', 'a ball.', 'where is the dog?', 'yes.', 'who is this?', 'good.', 'what does it say?', 'okay.', 'can you push it?', 'nice.', 'come here.'];
    const child = ['ball?', 'dog.', 'ball?', 'there.', 'dog?', 'mama.', 'woof?', 'moo.', 'no.', 'yes.', 'this?', 'no.'];
    const model = parseTranscript(lines(mother, child));
    expect(model.speakersByKey.get('MOT')?.role).toBe('answerer');
    expect(model.exchanges).toHaveLength(0);
  });
});
