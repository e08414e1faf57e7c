// End-to-end: the extension's .vsix installed in a real VS Code workbench (code-server), driven by
// Chromium as a person would: open a Chinese transcript, look at the Outline and the Problems, hover a
// speaker, apply a quick fix. Run with `npm run test:e2e` (scripts/run-e2e.mjs sets everything up).
// The steps build on each other; each one saves a screenshot to test-results/e2e/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Screenshots,
  WAIT,
  editorLines,
  editorTextRect,
  env,
  exactly,
  launchBrowser,
  quickOpen,
  rowTexts,
  runCommand,
  waitForText,
  waitOpaque,
} from './workbench.mjs';

const FILE = '访谈.transcript';
const DUPLICATE = '您觉得短视频对阅读有影响吗？';
const QUESTIONS = [
  '周老板，现在大家都在网上买书，实体书店靠什么留住读者？',
  '书店的租金压力大吗？',
  '出版社怎么看待独立书店的作用？',
  DUPLICATE,
  '书店以后会开分店吗？',
];
const SPEAKER = '周明远';

let context;
let page;
/** 0-based line of the repeated question in the fixture. */
let duplicateLine;
let shots;
const consoleLines = [];

/**
 * Runs a step and saves a screenshot after it, whether it passed or not. A step starts by closing
 * whatever an earlier one may have left open (a hover, a menu, the palette), unless it goes on from it.
 */
async function step(name, body, { continues = false } = {}) {
  try {
    if (!continues) await page.keyboard.press('Escape');
    await body();
  } catch (error) {
    await shots.take(`${name}-FAILED`);
    throw error;
  }
  await shots.take(name);
}

const problemRows = () => page.locator('.markers-panel .monaco-list-row');

describe.sequential('Transcript Language Tools in a real VS Code workbench', () => {
  beforeAll(async () => {
    const workspace = env('E2E_WORKSPACE');
    const fixture = fs.readFileSync(path.join(workspace, FILE), 'utf8').split('\n');
    expect(fixture.filter((line) => line.includes(DUPLICATE))).toHaveLength(2);
    duplicateLine = fixture.findLastIndex((line) => line.includes(DUPLICATE));
    context = await launchBrowser();
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    shots = new Screenshots(page);

    await page.goto(`${env('E2E_BASE_URL')}/?folder=${encodeURIComponent(workspace)}`, { timeout: WAIT });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WAIT });
    // The workbench is ready when the Explorer lists the workspace.
    await waitForText(page.locator('.explorer-folders-view .monaco-list-row'), exactly(FILE), 60_000);
    await shots.take('workbench');
  });

  afterAll(async () => {
    if (consoleLines.length > 0) {
      fs.writeFileSync(path.join(env('E2E_RESULTS'), 'browser-console.log'), consoleLines.join('\n') + '\n');
    }
    await context?.close();
  });

  test('opening a .transcript file selects the Transcript language', async () => {
    await step('open-transcript', async () => {
      // Focus the workbench so its keybindings get the keys.
      await page.locator('.part.editor').click();
      await quickOpen(page, FILE);
      await waitForText(page.locator('.tabs-container .tab.active'), FILE);
      await page.waitForFunction((text) => document.querySelector('.editor-instance .view-lines')?.textContent?.includes(text), SPEAKER, {
        timeout: WAIT,
      });
      const mode = await waitForText(page.locator('[id="status.editor.mode"]'), exactly('Transcript'));
      expect((await mode.innerText()).trim()).toBe('Transcript');
      // Chinese text is rendered in the editor.
      const lines = await editorLines(page);
      expect(lines.some((line) => line.includes(`提问：${QUESTIONS[0]}`))).toBe(true);
    });
  });

  test('the Outline lists the questions', async () => {
    await step('outline', async () => {
      await runCommand(page, ['Explorer: Focus on Outline View']);
      // Give the Outline the side bar's height: collapse the Explorer's folder section above it (the
      // tree renders only the rows that fit).
      const folderHeader = page.locator('.sidebar .pane-header[aria-label^="Explorer Section"]');
      await folderHeader.waitFor({ state: 'visible', timeout: WAIT });
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      await page.locator('.sidebar .pane-header[aria-label^="Explorer Section"][aria-expanded="false"]').waitFor({ state: 'visible', timeout: WAIT });
      const rows = page.locator('.outline-pane .monaco-list-row');
      await waitForText(rows, QUESTIONS[0]);
      const texts = await rowTexts(rows);
      for (const question of QUESTIONS) {
        expect(texts.some((text) => text.includes(question)), `outline row for ${question}\n${texts.join('\n')}`).toBe(true);
      }
      // The repeated question is its own exchange, so it is listed twice at the top level.
      const exchanges = await rowTexts(page.locator('.outline-pane .monaco-list-row[aria-level="1"]'));
      expect(exchanges.filter((text) => text.includes(DUPLICATE)).length, exchanges.join('\n')).toBe(2);
    });
  });

  test('the Problems view shows the duplicate and the unanswered question', async () => {
    await step('problems', async () => {
      await runCommand(page, ['View: Focus on Problems View', 'Problems: Focus on Problems View'], 'Focus on Problems View');
      const rows = problemRows();
      await waitForText(rows, 'duplicate-question');
      await waitForText(rows, 'unanswered-question');
      const texts = await rowTexts(rows);
      expect(texts.some((text) => text.includes(FILE)), texts.join('\n')).toBe(true);
      const duplicate = texts.filter((text) => text.includes('duplicate-question'));
      const unanswered = texts.filter((text) => text.includes('unanswered-question'));
      expect(duplicate, texts.join('\n')).toHaveLength(1);
      expect(unanswered, texts.join('\n')).toHaveLength(1);
      // Source and code as VS Code shows them ("transcript(duplicate-question)", the brackets drawn by
      // CSS), both on the repeated (last) question's line.
      expect(duplicate[0]).toMatch(/transcript\(?duplicate-question\)?\s*\[Ln/);
      expect(unanswered[0]).toMatch(/transcript\(?unanswered-question\)?\s*\[Ln/);
      for (const text of [...duplicate, ...unanswered]) expect(text).toContain(`[Ln ${duplicateLine + 1},`);
    });
  });

  test('hovering a speaker label shows the speaker', async () => {
    await step('speaker-hover', async () => {
      const rect = await editorTextRect(page, SPEAKER, { linePrefix: `${SPEAKER}：` });
      expect(rect, `label ${SPEAKER} on screen`).not.toBeNull();
      // Two moves: Monaco starts its hover on mouse movement inside the editor.
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2 - 2);
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
      const hover = await waitForText(page.locator('.monaco-hover'), 'turns');
      await waitOpaque(page, hover);
      const text = await hover.innerText();
      expect(text).toContain(SPEAKER);
      expect(text).toContain('4 turns');
      expect(text).toMatch(/answerer/);
    });
  });

  test('the quick fix removes the duplicate question', async () => {
    await step('quick-fix-menu', async () => {
      const rect = await editorTextRect(page, DUPLICATE, { occurrence: -1 });
      expect(rect, 'the repeated question on screen').not.toBeNull();
      await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
      await page.keyboard.press('Control+.');
      await waitForText(page.locator('.action-widget .monaco-list-row'), exactly('Remove duplicate question'));
    });
    await step('quick-fix-applied', async () => {
      const item = await waitForText(page.locator('.action-widget .monaco-list-row'), exactly('Remove duplicate question'));
      await item.click();
      await item.waitFor({ state: 'hidden', timeout: WAIT });
      await page.waitForFunction(
        (text) => (document.querySelector('.editor-instance .view-lines')?.textContent ?? '').split(text).length - 1 === 1,
        DUPLICATE,
        { timeout: WAIT },
      );
      // Exactly the repeated question's line is gone, indentation included; nothing else changed.
      const original = fs.readFileSync(path.join(env('E2E_WORKSPACE'), FILE), 'utf8').split('\n');
      const expected = original.filter((_, index) => index !== duplicateLine);
      await page.waitForFunction((count) => document.querySelectorAll('.editor-instance .view-lines .view-line').length === count, expected.length, {
        timeout: WAIT,
      });
      expect(await editorLines(page)).toEqual(expected);
      // The server re-analyses the edited text and the duplicate (and its unanswered twin) go away.
      await page.waitForFunction(
        () => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => /duplicate-question|unanswered-question/.test(row.textContent ?? '')),
        undefined,
        { timeout: WAIT },
      );
      const remaining = await rowTexts(problemRows());
      expect(remaining.filter((text) => text.includes('duplicate-question'))).toHaveLength(0);
      // The Outline follows the edit: the repeated question's exchange is gone.
      await page.waitForFunction(
        (text) => [...document.querySelectorAll('.outline-pane .monaco-list-row[aria-level="1"]')].filter((row) => (row.textContent ?? '').includes(text)).length === 1,
        DUPLICATE,
        { timeout: WAIT },
      );
    }, { continues: true });
  });
});
