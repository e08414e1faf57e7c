import { describe, expect, it } from 'vitest';
import { detectionSample, detectTranscript, DETECT_MAX_LINES } from '../../server/src/core/detect';
import { fixture } from './helpers';

describe('detectTranscript', () => {
  it.each(['zh-interview.txt', 'en-podcast.transcript', 'en-qa.txt'])('recognizes %s', (name) => {
    expect(detectTranscript(fixture(name)).isTranscript).toBe(true);
  });

  it('leaves a build log with ERROR/WARNING lines as plain text', () => {
    const result = detectTranscript(fixture('not-a-transcript.txt'));
    expect(result.isTranscript).toBe(false);
  });

  it.each([
    ['a log file', Array.from({ length: 30 }, (_, i) => `${['ERROR', 'WARNING', 'INFO'][i % 3]}: step ${i} finished`).join('\n')],
    ['a README', '# Project\n\nInstall: run npm install.\nUsage: see below.\n\nLicense: MIT\n'],
    ['a CSV', 'name,age,city\nAnn,31,Oslo\nBo,45,Lund\nCy,28,Bern\n'],
    ['a config file', 'name: app\nversion: 2\nauthor: me\nlicense: MIT\nmain: index.js\nport: 8080\n'],
    ['an email header block', 'From: Ann\nTo: Bo\nSubject: Lunch\nDate: Monday\n\nHi Bo, lunch at noon?\n'],
    ['a one-person note', 'Ann: buy milk\nAnn: call Bo\nAnn: book tickets\nAnn: pay rent\n'],
    ['prose', 'It was a quiet morning. The ferry left at nine.\nNobody spoke on the deck.\n'],
  ])('does not take %s for a transcript', (_name, text) => {
    expect(detectTranscript(text).isTranscript).toBe(false);
  });

  it('recognizes a dialogue without role labels when speakers alternate', () => {
    const text = 'Ann: Where were you?\nBo: At the pier.\nAnn: All night?\nBo: Until two.\nAnn: Why?\nBo: The boats.';
    expect(detectTranscript(text)).toMatchObject({ isTranscript: true, speakers: 2 });
  });

  it('reads a bounded head of the text only', () => {
    const long = 'x\n'.repeat(10_000);
    expect(detectionSample(long).split('\n').length).toBeLessThanOrEqual(DETECT_MAX_LINES);
    const transcriptAfterHead = long + 'Q: One?\nA: Yes.\nQ: Two?\nA: No.\n';
    expect(detectTranscript(transcriptAfterHead).isTranscript).toBe(false);
  });
});
