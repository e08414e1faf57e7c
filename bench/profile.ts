/**
 * In-process CPU profiling of one call (via node:inspector), so a profile holds only the code under
 * test and not the generator or the other stages. Writes a .cpuprofile (open it in Chrome DevTools
 * or VS Code) and returns the functions with the most self time, mapped back to source files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  functionName: string;
  /** `file:line` of the function in the sources (via the bundle's source map). */
  source: string;
  selfMs: number;
  selfPercent: number;
}

export interface ProfileResult<T> {
  result: T;
  totalMs: number;
  hot: HotFunction[];
}

function post(session: Session, method: string, params?: object): unknown {
  let response: unknown;
  let failure: Error | null = null;
  // In-process sessions answer synchronously.
  session.post(method, params ?? {}, (error, result) => {
    failure = error;
    response = result;
  });
  if (failure) throw failure;
  return response;
}

export function profileCall<T>(fn: () => T, outFile: string, top = 15): ProfileResult<T> {
  const session = new Session();
  session.connect();
  let profile: CpuProfile;
  let result: T;
  try {
    post(session, 'Profiler.enable');
    post(session, 'Profiler.setSamplingInterval', { interval: 200 }); // microseconds
    post(session, 'Profiler.start');
    result = fn();
    profile = (post(session, 'Profiler.stop') as { profile: CpuProfile }).profile;
    post(session, 'Profiler.disable');
  } finally {
    session.disconnect();
  }
  writeFileSync(outFile, JSON.stringify(profile));
  return { result, totalMs: (profile.endTime - profile.startTime) / 1000, hot: hotFunctions(profile, top) };
}

function hotFunctions(profile: CpuProfile, top: number): HotFunction[] {
  // Self time per node: each sample's time delta goes to the node it hit.
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const delta = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + delta);
  }
  const byFunction = new Map<string, { frame: CallFrame; us: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    total += us;
    const frame = node.callFrame;
    const key = `${frame.functionName}|${frame.url}|${frame.lineNumber}|${frame.columnNumber}`;
    const entry = byFunction.get(key);
    if (entry) entry.us += us;
    else byFunction.set(key, { frame, us });
  }
  const sources = new Map<string, SourceMap | undefined>();
  return [...byFunction.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ frame, us }) => ({
      functionName: frame.functionName || '(anonymous)',
      source: sourceOf(frame, sources),
      selfMs: Math.round(us / 100) / 10,
      selfPercent: total > 0 ? Math.round((us / total) * 1000) / 10 : 0,
    }));
}

interface SourceMap {
  sources: string[];
  /** Per generated line: segments [generatedColumn, sourceIndex, originalLine, originalColumn]. */
  lines: number[][][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map v3 `mappings` string (base64 VLQ). */
function decodeMappings(mappings: string): number[][][] {
  const lines: number[][][] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: number[][] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generatedColumn += values[0];
      if (values.length >= 4) {
        source += values[1];
        originalLine += values[2];
        originalColumn += values[3];
        segments.push([generatedColumn, source, originalLine, originalColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function loadSourceMap(file: string): SourceMap | undefined {
  try {
    const raw = JSON.parse(readFileSync(file + '.map', 'utf8')) as { sources: string[]; mappings: string };
    return { sources: raw.sources, lines: decodeMappings(raw.mappings) };
  } catch {
    return undefined;
  }
}

/** `server/src/core/parser.ts:42`, from the bundle's linked source map (the bundle's own line otherwise). */
function sourceOf(frame: CallFrame, cache: Map<string, SourceMap | undefined>): string {
  if (!frame.url) return '';
  if (!frame.url.startsWith('file://')) return frame.url;
  const file = new URL(frame.url).pathname;
  if (!cache.has(file)) cache.set(file, loadSourceMap(file));
  const map = cache.get(file);
  const segments = map?.lines[frame.lineNumber];
  if (!map || !segments || segments.length === 0) return `${file}:${frame.lineNumber + 1}`;
  let best = segments[0];
  for (const segment of segments) {
    if (segment[0] > frame.columnNumber) break;
    best = segment;
  }
  const source = map.sources[best[1]].replace(/^(\.\.\/)+/, '');
  return `${source}:${best[2] + 1}`;
}
