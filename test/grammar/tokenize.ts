// Test helper: tokenizes text with syntaxes/transcript.tmLanguage.json through
// vscode-textmate + vscode-oniguruma (onig.wasm loaded from node_modules; no network).
import * as fs from 'fs';
import * as path from 'path';
import * as textmateNs from 'vscode-textmate';
import * as onigurumaNs from 'vscode-oniguruma';

// Both packages ship UMD bundles whose named exports Node's CJS interop cannot
// see, so under vitest they arrive as `default`; fall back to the namespace.
type TextMate = typeof textmateNs;
type Oniguruma = typeof onigurumaNs;
const vsctm: TextMate = (textmateNs as unknown as { default?: TextMate }).default ?? textmateNs;
const onig: Oniguruma = (onigurumaNs as unknown as { default?: Oniguruma }).default ?? onigurumaNs;

export const ROOT = path.resolve(__dirname, '..', '..');
export const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'transcript.tmLanguage.json');
export const SCOPE_NAME = 'text.transcript';
const WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

export interface Token {
  /** 0-based line number. */
  line: number;
  startIndex: number;
  endIndex: number;
  text: string;
  /** Scopes from outermost (always `text.transcript`) to innermost. */
  scopes: string[];
}

let grammarPromise: Promise<textmateNs.IGrammar> | undefined;

async function loadGrammar(): Promise<textmateNs.IGrammar> {
  const wasm = fs.readFileSync(WASM_PATH);
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== SCOPE_NAME) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
    },
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} could not be loaded`);
  return grammar;
}

export function getGrammar(): Promise<textmateNs.IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/** Tokenizes `text` (split on \n, \r\n or \r) and returns all tokens in document order. */
export async function tokenize(text: string): Promise<Token[]> {
  const grammar = await getGrammar();
  const out: Token[] = [];
  let state: textmateNs.StateStack = vsctm.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) {
      const endIndex = Math.min(t.endIndex, lineText.length);
      if (endIndex <= t.startIndex) continue;
      out.push({ line, startIndex: t.startIndex, endIndex, text: lineText.slice(t.startIndex, endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return out;
}

/**
 * Tokens overlapping the `occurrence`-th (0-based) occurrence of `substring` on
 * `line` (or anywhere in the text when `line` is omitted). Throws if not found.
 */
export function tokensFor(tokens: Token[], substring: string, opts: { line?: number; occurrence?: number } = {}): Token[] {
  const lines = new Map<number, Token[]>();
  for (const t of tokens) {
    if (opts.line !== undefined && t.line !== opts.line) continue;
    const list = lines.get(t.line) ?? [];
    list.push(t);
    lines.set(t.line, list);
  }
  let remaining = opts.occurrence ?? 0;
  for (const lineTokens of lines.values()) {
    const lineText = lineTokens.map((t) => t.text).join('');
    let from = 0;
    for (;;) {
      const at = lineText.indexOf(substring, from);
      if (at < 0) break;
      if (remaining-- === 0) {
        const end = at + substring.length;
        return lineTokens.filter((t) => t.startIndex < end && t.endIndex > at && (substring.length > 0 || t.startIndex === at));
      }
      from = at + 1;
    }
  }
  throw new Error(`substring ${JSON.stringify(substring)} not found`);
}

/** Scopes carried by every character of the substring (intersection over its tokens). */
export function scopesOf(tokens: Token[], substring: string, opts: { line?: number; occurrence?: number } = {}): string[] {
  const hit = tokensFor(tokens, substring, opts);
  if (hit.length === 0) return [];
  return hit[0].scopes.filter((s) => hit.every((t) => t.scopes.includes(s)));
}

/** Every scope present anywhere in the tokens (optionally restricted to one line). */
export function allScopes(tokens: Token[], line?: number): Set<string> {
  const set = new Set<string>();
  for (const t of tokens) if (line === undefined || t.line === line) t.scopes.forEach((s) => set.add(s));
  return set;
}
