// Helpers for driving the code-server workbench with playwright-core. Used by the e2e tests that
// scripts/run-e2e.mjs starts; it passes where things are through E2E_* environment variables.
// Every wait here is on a condition with a timeout: no fixed sleeps.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** A generous default: the first activation of the extension host can be slow on a 2-core machine. */
export const WAIT = 45_000;

export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests with \`npm run test:e2e\``);
  return value;
}

/** playwright-core lives in the e2e cache folder (scripts/e2e-setup.sh), not in the repo's node_modules. */
export function loadPlaywright() {
  return createRequire(import.meta.url)(env('E2E_PLAYWRIGHT'));
}

export async function launchBrowser() {
  const { chromium } = loadPlaywright();
  return chromium.launchPersistentContext(env('E2E_BROWSER_PROFILE'), {
    executablePath: env('E2E_CHROMIUM'),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
    viewport: { width: 1440, height: 1000 },
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
}

/** Saves test-results/e2e/NN-name.png. */
export class Screenshots {
  constructor(page) {
    this.page = page;
    this.count = 0;
    this.dir = env('E2E_RESULTS');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  async take(name) {
    this.count += 1;
    const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, timeout: 20_000 }).catch((error) => {
      console.warn(`screenshot ${file} failed: ${error.message}`);
    });
    return file;
  }
}

/** Waits for the first element of `locator` whose text matches, and returns it. */
export async function waitForText(locator, text, timeout = WAIT) {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor({ state: 'visible', timeout });
  return match;
}

/** The quick input (Quick Open / command palette) box. */
function quickInput(page) {
  return page.locator('.quick-input-widget');
}

/**
 * Presses `key` until the quick input's box shows (at most three times, 10 s apart, then the last
 * wait takes what is left of `timeout`) and returns the box: the first press of a shortcut in a new
 * workbench now and then does nothing (seen with Ctrl+. in the quick-fix test), and a person presses
 * it again.
 */
async function openQuickInput(page, key, timeout) {
  const input = quickInput(page).locator('input.input');
  for (let attempt = 1; attempt < 3; attempt++) {
    await page.keyboard.press(key);
    if (await input.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) return input;
    console.warn(`${key}: no quick input after attempt ${attempt}, pressing it again`);
  }
  await page.keyboard.press(key);
  await input.waitFor({ state: 'visible', timeout });
  return input;
}

/**
 * Opens the command palette with F1 (Ctrl+Shift+P can be taken by the browser), types `search` and runs
 * the command whose label is one of `labels` (labels move between VS Code versions, e.g. "View: Focus on
 * Problems View" became "Problems: Focus on Problems View").
 */
export async function runCommand(page, labels, search = labels[0], timeout = WAIT) {
  const widget = await chooseCommand(page, labels, search, timeout);
  await widget.waitFor({ state: 'hidden', timeout });
}

/** F1, type `search`, click the command labelled one of `labels`; returns the quick-input widget. */
async function chooseCommand(page, labels, search, timeout) {
  const widget = quickInput(page);
  const input = await openQuickInput(page, 'F1', timeout);
  await input.fill(`>${search}`);
  const pattern = new RegExp(`^\\s*(${labels.map(escapeRegExp).join('|')})\\s*$`);
  const row = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: pattern }) }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  return widget;
}

/**
 * Runs a command that asks for a choice in a second quick pick (e.g. "Change Language Mode"), waits for
 * that pick (recognised by its placeholder, e.g. "Select Language Mode"), types `filter` into it and
 * chooses the item labelled exactly `item`.
 */
export async function runCommandAndPick(page, labels, { search = labels[0], placeholder, filter, item }, timeout = WAIT) {
  const widget = await chooseCommand(page, labels, search, timeout);
  // The same widget comes back with the command's own pick: wait for its placeholder.
  const pickInput = widget.locator('input.input').and(page.getByPlaceholder(placeholder));
  await pickInput.waitFor({ state: 'visible', timeout });
  if (filter !== undefined) await pickInput.fill(filter);
  const choice = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(item) }) }).first();
  await choice.waitFor({ state: 'visible', timeout });
  await choice.click();
  await widget.waitFor({ state: 'hidden', timeout });
}

/** Shows an output channel ("Output: Show Output Channels..." → `channel`) in the Output view. */
export async function showOutputChannel(page, channel, timeout = WAIT) {
  await runCommandAndPick(page, ['Output: Show Output Channels...'], {
    search: 'Show Output Channels',
    placeholder: 'Select Output Channel',
    filter: channel,
    item: channel,
  }, timeout);
  await page.locator('.output-view .monaco-editor').waitFor({ state: 'visible', timeout });
}

/**
 * The text the Output view shows, its rendered rows top to bottom joined without separators (the view
 * wraps long lines, so a log line can span rows), and how often `needle` occurs in it. Only the rows on
 * screen: the view follows the end of the channel. Runs in the page.
 */
function pageOutput({ needle }) {
  const view = document.querySelector('.output-view .monaco-editor .view-lines');
  const text = view
    ? [...view.querySelectorAll('.view-line')]
        .map((row) => ({ top: row.getBoundingClientRect().top, text: (row.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text)
        .join('')
    : '';
  return { text, count: needle ? text.split(needle).length - 1 : 0 };
}

export async function outputText(page) {
  return (await page.evaluate(pageOutput, {})).text;
}

/** How often `needle` occurs in `text`. */
export function occurrences(text, needle) {
  return text.split(needle).length - 1;
}

/** Waits until the Output view shows `needle` at least `count` times; returns the view's text. */
export async function waitForOutput(page, needle, { count = 1, timeout = WAIT } = {}) {
  // An expression that calls pageOutput in the page (Playwright evaluates it through the debugger, so
  // the workbench's Content Security Policy does not apply).
  const expression = `(${pageOutput.toString()})(${JSON.stringify({ needle })}).count >= ${count}`;
  try {
    await (await page.waitForFunction(expression, undefined, { timeout })).dispose();
  } catch (error) {
    throw new Error(`the Output view did not show ${JSON.stringify(needle)} ${count} time(s) within ${timeout / 1000} s; it shows:\n${await outputText(page)}`, {
      cause: error,
    });
  }
  return outputText(page);
}

/** Quick Open (Ctrl+P): types a file name and opens the matching file. */
export async function quickOpen(page, fileName, timeout = WAIT) {
  const widget = quickInput(page);
  const input = await openQuickInput(page, 'Control+P', timeout);
  await input.fill(fileName);
  const row = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(fileName) }) }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await widget.waitFor({ state: 'hidden', timeout });
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression that matches exactly `text` (surrounding blanks allowed). */
export function exactly(text) {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/**
 * The text of the active editor's visible lines, top to bottom, with Monaco's non-breaking spaces made
 * plain: one entry per line of the file, also when word wrap splits a line over several rendered rows.
 * A row starts a new line where the gutter shows a line number.
 */
export async function editorLines(page) {
  return page.evaluate(() => {
    const shown = (element) => element.getBoundingClientRect().width > 0;
    const editor =
      [...document.querySelectorAll('.editor-group-container.active .editor-instance .monaco-editor')].find(shown) ??
      [...document.querySelectorAll('.editor-instance .monaco-editor')].find(shown);
    if (!editor) return [];
    const top = (element) => element.getBoundingClientRect().top;
    const numberTops = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .filter((number) => /\d/.test(number.textContent ?? ''))
      .map(top);
    const rows = [...editor.querySelectorAll('.view-lines .view-line')]
      .map((row) => ({ top: top(row), text: (row.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top);
    const lines = [];
    for (const row of rows) {
      const startsLine = numberTops.length === 0 || numberTops.some((numberTop) => Math.abs(numberTop - row.top) < 2);
      if (startsLine || lines.length === 0) lines.push(row.text);
      else lines[lines.length - 1] += row.text;
    }
    return lines;
  });
}

/**
 * The screen rectangle of the `occurrence`-th (0-based; -1 for the last) place where `needle` stands in
 * the active editor's visible lines, optionally only where the line's text starts with `linePrefix`
 * (after indentation). Found through the rendered `.view-line` spans, as a person would see it.
 */
export async function editorTextRect(page, needle, { occurrence = 0, linePrefix } = {}) {
  return page.evaluate(
    ({ needle, occurrence, linePrefix }) => {
      const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
      if (!editor) return null;
      const lines = [...editor.querySelectorAll('.view-line')].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      const found = [];
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node, start: text.length });
          text += node.textContent ?? '';
        }
        const plain = text.replace(/\u00a0/g, ' ');
        if (linePrefix && !plain.replace(/^[\s\u3000]+/, '').startsWith(linePrefix)) continue;
        const index = plain.indexOf(needle);
        if (index < 0) continue;
        const locate = (offset) => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i].start <= offset) return { node: nodes[i].node, offset: offset - nodes[i].start };
          }
          return null;
        };
        const start = locate(index);
        const end = locate(index + needle.length);
        if (!start || !end) continue;
        const range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        const rect = range.getBoundingClientRect();
        found.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
      }
      if (found.length === 0) return null;
      return occurrence < 0 ? found[found.length + occurrence] ?? null : found[occurrence] ?? null;
    },
    { needle, occurrence, linePrefix },
  );
}

/** Waits until `element` and its ancestors are fully opaque (a hover fades in). */
export async function waitOpaque(page, locator, timeout = WAIT) {
  const handle = await locator.elementHandle({ timeout });
  await page.waitForFunction(
    (element) => {
      for (let node = element; node && node instanceof Element; node = node.parentElement) {
        if (Number(getComputedStyle(node).opacity) < 1) return false;
      }
      return true;
    },
    handle,
    { timeout },
  );
}

/** The texts of the rendered rows of a list or tree. */
export async function rowTexts(locator) {
  return locator.evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ')));
}
