import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { qaJson, qaMarkdown } from '../../server/src/core/exportQa';
import { exportQa, questionLocations, statistics, summary } from '../../server/src/service/transcriptInfo';
import { statisticsHtml } from '../../client/src/statisticsHtml';
import { summaryText } from '../../client/src/statusBarText';
import { fixture } from './helpers';

const analysis = analyzeText(fixture('zh-interview.txt'));

describe('Q&A export', () => {
  it('exports exchanges as JSON with answers, duplicates and unanswered flags', () => {
    const data = qaJson(analysis);
    expect(data.title).toBe('城市书店店主周明远访谈：实体书店还能走多远');
    expect(data.exchanges).toHaveLength(6);
    expect(data.exchanges[2].answers.map((answer) => [answer.speaker, answer.line])).toEqual([
      ['林晓岚', 9],
      ['周明远', 10],
    ]);
    expect(data.exchanges[5]).toMatchObject({ answered: false, duplicateOf: 11, question: { line: 15, speaker: '提问' } });
    expect(JSON.parse(exportQa(analysis, 'json'))).toEqual(data);
  });

  it('exports Markdown with a heading per question', () => {
    const markdown = qaMarkdown(analysis);
    expect(markdown.startsWith('# 城市书店店主周明远访谈：实体书店还能走多远\n')).toBe(true);
    expect(markdown).toContain('## 3. 出版社怎么看待独立书店的作用？');
    expect(markdown).toContain('**林晓岚**: 独立书店是新书最好的试验田');
    expect(markdown).toContain('## 6. 您觉得短视频对阅读有影响吗？ *(unanswered)* *(repeats line 11)*');
  });

  it('escapes Markdown in speaker text', () => {
    const markdown = qaMarkdown(analyzeText('Q: Is *this* [a] link?\nA: No <b>.'));
    expect(markdown).toContain('Is \\*this\\* \\[a\\] link?');
    expect(markdown).toContain('No \\<b\\>.');
  });
});

describe('status bar, navigation and statistics data', () => {
  it('summarizes questions, unanswered and duplicates', () => {
    expect(summary(analysis)).toEqual({ questions: 6, unanswered: 1, duplicates: 1, speakers: 3 });
    expect(summaryText(summary(analysis))).toBe('6 Q · 1 unanswered · 1 duplicate');
    expect(summaryText({ questions: 2, unanswered: 0, duplicates: 0, speakers: 2 })).toBe('2 Q');
  });

  it('lists question positions at their labels', () => {
    expect(questionLocations(analysis)).toEqual([3, 5, 7, 10, 12, 14].map((line) => ({ line, character: 2 })));
  });

  it('renders statistics as HTML with a strict CSP, no scripts and no remote resources', () => {
    const html = statisticsHtml(statistics(analysis), 'zh-interview.txt', 'vscode-webview://abc', 'NONCE123');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src vscode-webview://abc data:; style-src 'nonce-NONCE123';">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('<td>周明远</td>');
    expect(html.match(/<rect class="bar /g)).toHaveLength(6);
    expect(html).not.toMatch(/style="/);
  });

  it('escapes speaker names in the statistics page', () => {
    const html = statisticsHtml(statistics(analyzeText("Q: a?\nDan O'Brien: b\nQ: c?\nDan O'Brien: d")), '<img src=x>', 'csp', 'n');
    expect(html).toContain('<td>Dan O&#39;Brien</td>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x&#62;');
  });
});
