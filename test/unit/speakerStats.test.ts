import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../server/src/core/parser';
import { preambleMention, speakerStatistics } from '../../server/src/core/speakerStats';
import { fixture } from './helpers';

describe('speaker statistics', () => {
  const model = parseTranscript(fixture('zh-interview.txt'));

  it('counts turns, questions and share of spoken text', () => {
    const stats = speakerStatistics(model);
    expect(stats.map((entry) => [entry.speaker.label, entry.turns, entry.questionsAsked, entry.questionsAnswered, entry.firstLine + 1])).toEqual([
      ['提问', 6, 6, 0, 4],
      ['周明远', 4, 0, 4, 5],
      ['林晓岚', 2, 0, 2, 9],
    ]);
    const total = stats.reduce((sum, entry) => sum + entry.share, 0);
    expect(total).toBeCloseTo(1);
    // 提问's six turns, without whitespace (counted by hand from the fixture).
    expect(stats[0].characters).toBe(27 + 10 + 15 + 14 + 10 + 14);
    // The annotation (笑) is not spoken text.
    expect(stats[1].characters).toBe(33 + 25 + 19 + 16);
  });

  it('finds how the lead introduces a speaker, preferring the lead over the title', () => {
    const zhou = model.speakersByKey.get('周明远')!;
    const mention = preambleMention(model, zhou);
    expect(mention?.line).toBe(1);
    expect(mention?.introducedAs).toBe('独立书店“远方书屋”创始人');
    const lin = preambleMention(model, model.speakersByKey.get('林晓岚')!);
    expect(lin?.introducedAs).toBe('出版人');
  });

  it('matches the surname of an English label', () => {
    const english = parseTranscript('Hearing on the harbor budget\nTestimony of Ms. Priya Natarajan, budget officer.\nCHAIR: Welcome?\nMS. NATARAJAN: Thank you.\nCHAIR: Begin?\nMS. NATARAJAN: Yes.');
    const mention = preambleMention(english, english.speakersByKey.get('MS. NATARAJAN')!);
    expect(mention?.line).toBe(1);
    expect(mention?.sentence).toBe('Testimony of Ms. Priya Natarajan, budget officer.');
  });
});
