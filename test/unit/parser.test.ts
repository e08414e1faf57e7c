import { describe, expect, it } from 'vitest';
import { isWhitespace, LineIndex } from '../../server/src/core/lines';
import { parseTranscript } from '../../server/src/core/parser';
import { resolveSettings } from '../../server/src/core/settings';
import { fixture, lineNumbers, textAt } from './helpers';

describe('parseTranscript on a Chinese interview (seed shape)', () => {
  const text = fixture('zh-interview.txt');
  const model = parseTranscript(text);

  it('finds the preamble: title, lead and intro', () => {
    expect(model.preamble?.lines.map((line) => [line.line + 1, line.kind])).toEqual([
      [1, 'title'],
      [2, 'lead'],
      [3, 'intro'],
    ]);
    expect(model.preamble?.title?.text).toBe('城市书店店主周明远访谈：实体书店还能走多远');
    expect(model.preamble?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 2, character: 10 } });
  });

  it('does not make the title or the intro a speaker', () => {
    expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length, speaker.role, speaker.roleSource])).toEqual([
      ['提问', 6, 'questioner', 'label'],
      ['周明远', 4, 'answerer', 'default'],
      ['林晓岚', 2, 'answerer', 'default'],
    ]);
  });

  it('reads every turn with exact label and text ranges', () => {
    expect(lineNumbers(model.turns)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const first = model.turns[0];
    expect(first.labelRange).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
    expect(first.colonRange).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 5 } });
    expect(textAt(text, first.textRange)).toBe('周老板，现在大家都在网上买书，实体书店靠什么留住读者？');
    expect(first.text).toBe('周老板，现在大家都在网上买书，实体书店靠什么留住读者？');
  });

  it('groups questions and answers into exchanges; one question answered by two speakers', () => {
    expect(model.exchanges.map((exchange) => [exchange.question.line + 1, exchange.answers.map((turn) => turn.speaker.label)])).toEqual([
      [4, ['周明远']],
      [6, ['周明远']],
      [8, ['林晓岚', '周明远']],
      [11, ['林晓岚']],
      [13, ['周明远']],
      [15, []],
    ]);
    expect(model.looseTurns).toEqual([]);
  });

  it('gives the same view object for a turn or exchange however it is asked for', () => {
    const fresh = parseTranscript(text);
    const early = fresh.turn(5);
    const earlyExchange = fresh.exchange(2);
    expect(fresh.turn(5)).toBe(early);
    expect(fresh.turns[5]).toBe(early);
    expect(fresh.turn(5)).toBe(early);
    expect(fresh.turn(7)).toBe(fresh.turns[7]);
    expect(fresh.exchanges[2]).toBe(earlyExchange);
    expect(fresh.exchange(3)).toBe(fresh.exchanges[3]);
    expect(fresh.turns.map((turn) => turn.index)).toEqual(fresh.turns.map((_, i) => i));
  });

  it('keeps giving the same view objects when many are asked for one by one (views move from a map to an array)', () => {
    const many = parseTranscript(Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? `Q: Question ${i}?` : `A: Answer ${i}.`)).join('\n'));
    const asked = new Map<number, unknown>();
    for (let i = 2999; i >= 0; i -= 3) asked.set(i, many.turn(i)); // past the point where the map gives way to an array
    for (const [i, view] of asked) expect(many.turn(i)).toBe(view);
    const all = many.turns;
    expect(all).toHaveLength(3000);
    for (const [i, view] of asked) expect(all[i]).toBe(view);
    expect(all.every((turn, i) => turn.index === i && many.turn(i) === turn)).toBe(true);
  });

  it('finds annotations inside turns', () => {
    expect(model.annotations.map((annotation) => [annotation.text, annotation.range.start.line + 1])).toEqual([['（笑）', 10]]);
    expect(textAt(text, model.annotations[0].range)).toBe('（笑）');
    expect(model.turns[6].spokenText).not.toContain('（笑）');
  });
});

describe('annotations', () => {
  const annotationsOf = (text: string) => parseTranscript(text).annotations.map((annotation) => annotation.text);

  it('takes short bracketed notes, with a time or a full stop, and leaves asides, times and words alone', () => {
    const text = [
      'Q: How was it? (laughs) [inaudible 00:12:03] (Laughter.)',
      'A: It was fine (this is a long aside now) [00:01:23] word(s) ok.',
      'Q: And then?（笑）【掌声】 (two  spaced words) [crosstalk]',
      'A: (a b c d) (a b c d e) ([laughs])',
    ].join('\n');
    expect(annotationsOf(text)).toEqual(['(laughs)', '[inaudible 00:12:03]', '(Laughter.)', '（笑）', '【掌声】', '(two  spaced words)', '[crosstalk]', '(a b c d)', '[laughs]']);
  });

  it('marks the turns that ask, wherever their question mark is', () => {
    const model = parseTranscript('Q: Ready (really?) now.\nA: Yes.\nQ: No mark here\nA: Fine？\n');
    expect(model.turns.map((turn) => turn.asks)).toEqual([true, false, false, true]);
  });
});

describe('parseTranscript on English with timestamps and continuation lines', () => {
  const text = fixture('en-podcast.transcript');
  const model = parseTranscript(text);

  it('keeps the title and lead in the preamble', () => {
    expect(model.preamble?.lines.map((line) => line.kind)).toEqual(['title', 'lead']);
  });

  it('reads timestamps and multi-line turns', () => {
    const omar = model.turns[2];
    expect(omar.speaker.label).toBe('Omar Castillo');
    expect(omar.timestamp?.text).toBe('00:00:14');
    expect(omar.timestampRange).toEqual({ start: { line: 5, character: 1 }, end: { line: 5, character: 9 } });
    expect(omar.labelRange).toEqual({ start: { line: 5, character: 11 }, end: { line: 5, character: 24 } });
    expect([omar.line, omar.lastLine]).toEqual([5, 6]);
    expect(omar.text).toBe('The pilings under the east end had rotted almost through. We replaced forty of them (laughs) one by one.');
  });

  it('reads a timestamp that only some turns have, wherever the first one is', () => {
    for (const stamped of [0, 1, 3]) {
      const lines = ['Q: One?', 'A: Yes.', 'Q: Two?', 'A: No.'].map((line, i) => (i === stamped ? `[00:00:0${i}] ${line}` : line));
      const turns = parseTranscript(lines.join('\n')).turns;
      expect(turns.map((turn) => turn.timestamp?.text)).toEqual(turns.map((_, i) => (i === stamped ? `00:00:0${i}` : undefined)));
      expect(turns.map((turn) => turn.timestampRange?.start.character)).toEqual(turns.map((_, i) => (i === stamped ? 1 : undefined)));
    }
  });

  it('treats a host greeting as a statement, not a question', () => {
    expect(model.turns[0].isQuestion).toBe(false);
    expect(model.looseTurns.map((turn) => turn.line + 1)).toEqual([4]);
    expect(model.exchanges.map((exchange) => exchange.question.line + 1)).toEqual([5, 8, 10, 11, 13]);
  });

  it('gives the host the interviewer role by label', () => {
    expect(model.speakersByKey.get('HOST')?.role).toBe('interviewer');
    expect(model.speakersByKey.get('HOST')?.roleSource).toBe('label');
  });
});

describe('line breaks, BOM, tabs, full-width spaces and emoji', () => {
  const lf = 'Q: How are you? 🙂\nA: Fine 👍 thanks\n　　Q:\tAnd you?\n';

  it('gives the same model for LF, CRLF and CR', () => {
    const shape = (text: string) =>
      parseTranscript(text).turns.map((turn) => [turn.line, turn.labelRange, turn.textRange, turn.text]);
    expect(shape(lf.replace(/\n/g, '\r\n'))).toEqual(shape(lf));
    expect(shape(lf.replace(/\n/g, '\r'))).toEqual(shape(lf));
  });

  it('counts columns in UTF-16 code units', () => {
    const model = parseTranscript(lf);
    expect(model.turns[0].textRange).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 18 } });
    expect(model.turns[1].textRange.end).toEqual({ line: 1, character: 17 });
    expect(model.turns[2].labelRange).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 3 } });
    expect(textAt(lf, model.turns[2].textRange)).toBe('And you?');
  });

  it('skips a BOM before the first label', () => {
    const model = parseTranscript('\ufeffQ: One?\nA: Two.');
    expect(model.turns[0].labelRange).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
  });

  it('treats NFKC-equal labels as one speaker', () => {
    const model = parseTranscript('提问：一？\n孙弘：二。\n提问:三？\n孙弘:四。\nＱ：五？\nQ：六？');
    expect(model.speakers.map((speaker) => [speaker.key, speaker.turns.length])).toEqual([
      ['提问', 2],
      ['孙弘', 2],
      ['Q', 2],
    ]);
    expect([...model.speakersByKey.get('Q')!.forms.entries()]).toEqual([
      ['Ｑ', 1],
      ['Q', 1],
    ]);
  });
});

describe('what is and is not a turn', () => {
  it('keeps sentence-like one-off labels inside the turn they continue', () => {
    const model = parseTranscript('Q: What happened?\nA: Three things.\nThe reasons are as follows: rain, wind, tide.\nQ: Thanks?');
    expect(model.turns.map((turn) => turn.line)).toEqual([0, 1, 3]);
    expect(model.turns[1].lastLine).toBe(2);
  });

  it('does not end a turn at a URL or a clock time', () => {
    const model = parseTranscript('Q: Where?\nA: Here.\nhttps://example.com/page\n10:30 is when we met.\nQ: Next?');
    expect(model.turns.map((turn) => [turn.line, turn.lastLine])).toEqual([
      [0, 0],
      [1, 3],
      [4, 4],
    ]);
  });

  it('reads YAML front matter as preamble without labels', () => {
    const model = parseTranscript('---\ntitle: "Briefing"\ndate: 2021-01-20\n---\nQ: First?\nMS. LEE: Answer.');
    expect(model.preamble?.lines.filter((line) => line.kind === 'front-matter').length).toBe(4);
    expect(model.speakers.map((speaker) => speaker.label)).toEqual(['Q', 'MS. LEE']);
  });

  it('treats a one-off label before the first recurring one as preamble', () => {
    const model = parseTranscript('Dana: Ready?\nOmar: Yes.\nOmar: Go.');
    expect(model.preamble?.lines.map((line) => line.kind)).toEqual(['title']);
    expect(model.speakers.map((speaker) => speaker.label)).toEqual(['Omar']);
  });

  it('lets a document with only one-off labels start at its first label', () => {
    const model = parseTranscript('Alice: hi\nBob: hello');
    expect(model.preamble).toBeUndefined();
    expect(model.turns.map((turn) => turn.speaker.label)).toEqual(['Alice', 'Bob']);
  });

  it('ends a turn at its last non-blank line', () => {
    const model = parseTranscript('Q: One?\n\nA: Two.\n\n\nQ: Three?\n');
    expect(model.turns.map((turn) => [turn.line, turn.lastLine])).toEqual([
      [0, 0],
      [2, 2],
      [5, 5],
    ]);
  });

  it('handles empty and whitespace-only documents', () => {
    expect(parseTranscript('').turns).toEqual([]);
    expect(parseTranscript('\n\n　\n').preamble).toBeUndefined();
  });
});

describe('roles', () => {
  it('infers an interviewer from a speaker most of whose turns ask', () => {
    const model = parseTranscript('Dana: How did it start?\nOmar: Slowly.\nDana: Why slowly?\nOmar: Money.\nDana: Thanks.');
    const dana = model.speakersByKey.get('Dana')!;
    expect([dana.role, dana.roleSource]).toEqual(['interviewer', 'inferred']);
    expect(model.turns.map((turn) => turn.isQuestion)).toEqual([true, false, true, false, false]);
    expect(model.exchanges[1].turns.map((turn) => turn.speaker.label)).toEqual(['Omar', 'Dana']);
    expect(model.exchanges[1].answers.map((turn) => turn.speaker.label)).toEqual(['Omar']);
  });

  it('does not infer from a single turn', () => {
    const model = parseTranscript('Omar: Hello.\nDana: Ready?\nOmar: Yes.');
    expect(model.speakersByKey.get('Dana')!.role).toBe('answerer');
    expect(model.speakersByKey.get('Dana')!.roleSource).toBe('default');
  });

  it('lets settings override the built-in roles', () => {
    const settings = resolveSettings({ questionSpeakers: ['Judge'], answerSpeakers: ['Q'] });
    const model = parseTranscript('Judge: Counsel, proceed.\nQ: Is it so?\nJudge: Next.', settings);
    expect(model.speakersByKey.get('Judge')).toMatchObject({ role: 'questioner', roleSource: 'setting' });
    expect(model.speakersByKey.get('Q')).toMatchObject({ role: 'answerer', roleSource: 'setting' });
    expect(model.turns.map((turn) => turn.isQuestion)).toEqual([true, false, true]);
  });

  it.each(['主持人', '记者', '記者', '网友', 'Interviewer', 'MODERATOR', 'Host', 'reporter'])('%s asks only when asking', (label) => {
    const model = parseTranscript(`${label}：欢迎大家。\n嘉宾：谢谢。\n${label}：您怎么看？\n嘉宾：很好。`);
    expect(model.turns.map((turn) => turn.isQuestion)).toEqual([false, false, true, false]);
  });
});

describe('isWhitespace', () => {
  it('is exactly what String.prototype.trim removes, for every UTF-16 unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isWhitespace(code) !== (char.trim() === '')) throw new Error(`U+${code.toString(16)}: ${isWhitespace(code)}`);
    }
  });
});

describe('a document whose lines get much shorter after its beginning', () => {
  // The line index and the label scan size their arrays from the first 16 K characters: here
  // they have to grow, many times over.
  const opening = `Opening remarks: ${'x'.repeat(20_000)}\n`;
  const turns = Array.from({ length: 6000 }, (_, i) => (i % 2 === 0 ? `Q: Question ${i}?` : `A: Answer ${i}.`));

  it.each(['\n', '\r\n'])('is indexed and parsed as a whole (line break %j)', (lineBreak) => {
    const text = (opening + turns.join('\n')).replace(/\n/g, lineBreak);
    const lines = new LineIndex(text);
    const expected = text.split(/\r\n|\n/);
    expect(lines.lineCount).toBe(expected.length);
    for (const line of [0, 1, 2, 3000, expected.length - 1]) expect(lines.lineText(line)).toBe(expected[line]);
    const model = parseTranscript(text);
    expect(model.turns.length).toBe(turns.length); // (the long opening line is a one-off label: preamble)
    expect(model.turns.at(-1)?.text).toBe('Answer 5999.');
    expect(model.turns.at(-1)?.line).toBe(turns.length);
    expect(model.exchanges.length).toBe(turns.length / 2);
  });
});
