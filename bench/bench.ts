/**
 * Throughput benchmark of the parser and the analyses on large generated Chinese transcripts.
 * Run with `npm run bench` (bundles this file and runs it with `node --expose-gc`).
 *
 * For each size (1, 10 and 25 MB of UTF-8), in one process:
 *   baseline  `text.split(/\r\n|\r|\n/)` plus one label-like regex test per line
 *   parse     parseTranscript(text)
 *   analysis  analyzeText(text): parse + duplicate / similar / unanswered questions
 *   service   documentSymbols + diagnostics from an analysis (what the server publishes)
 * each warmed up (up to 48 rounds: until V8 has optimized the whole analysis, see WARMUPS), then
 * the median of N runs, each after a young-generation collection (not `gc()`, which also throws
 * away compiled code). The runs of baseline, parse and analysis take turns, and a ratio is the
 * median of the ratios of runs made in the same round: the machine's speed drifts by a third within
 * seconds, and the median of each stage's runs apart can pair a fast phase of one with a slow phase
 * of the other (the ratio of the two medians is printed too). For the same reason linear growth is
 * judged on analyses of the smallest and the largest text taking turns, after all sizes (ms per MB
 * measured a size at a time, seconds apart, is printed too). Targets are checked and printed as
 * PASS / FAIL; the exit code is 0 either way (this is a report). Results also go to
 * bench/results/latest.json.
 *
 * Options: --sizes=1,10,25   sizes in MB
 *          --runs=9          timed runs per measurement (default: 31 for <= 1 MB, 15 above; fewer
 *                            when the rounds would take more than 10 s a stage, warm-ups included)
 *          --write-samples   also write the generated transcripts to bench/results/
 *          --profile         after timing, CPU-profile one analyzeText of the largest size: writes
 *                            bench/results/analysis-<size>MB.cpuprofile and prints the top self times
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeModel, analyzeText, TranscriptAnalysis } from '../server/src/core/analysis';
import { normalizeQuestion } from '../server/src/core/normalize';
import { parseTranscript } from '../server/src/core/parser';
import { findSimilarPairs } from '../server/src/core/similarity';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { diagnostics } from '../server/src/service/diagnostics';
import { documentSymbols } from '../server/src/service/documentSymbols';
import { generateTranscript, GeneratedTranscript } from './generate';
import { HotFunction, profileCall } from './profile';

const MB = 1024 * 1024;
const RATIO_TARGET = 3; // analysis within 3x of the bare scan
const GROWTH_TARGET = 1.5; // ms per MB at the largest size within 1.5x of the smallest
const LARGEST_TARGET_MS = 1000; // 25 MB analysed in under 1 s
/**
 * Warm-up rounds before timing: the stages' big loops run once per call, and V8 needs many calls
 * before all of them run optimized code (fewer warm-ups measure a mix of tiers, not the steady state
 * of a language server that has analysed documents before). The first analysis is reported apart.
 * The big loops are optimized within the first few calls, but the functions called once per
 * analysis (building the findings, planning the signatures, finding annotations) only between the
 * 9th and the 46th (seen with `--trace-opt` on 2026-11-27): at 1 MB the analysis took about 10%
 * longer in rounds 9 to 23 than from the 40th round on. So: {@link WARMUPS} rounds, fewer when they
 * would take longer than {@link WARMUP_BUDGET_MS} (at 10 and 25 MB, where those small functions are
 * a negligible share of a run), never fewer than {@link MIN_WARMUPS}. The ratio of rounds 9 to 24
 * ({@link EARLY_ROUNDS}) is printed too.
 */
const WARMUPS = 48;
const MIN_WARMUPS = 8;
const WARMUP_BUDGET_MS = 4_000;
/**
 * Warm-up rounds whose ratio is printed apart (0-based, inclusive): the 15 the bench timed before
 * (after 8 warm-ups, rounds 9 to 23), and one more.
 */
const EARLY_ROUNDS = { from: 8, to: 23 } as const;
/** A measurement whose single warm-up run takes long gets fewer timed runs, to bound the total. */
const STAGE_BUDGET_MS = 10_000;

type GcFunction = (options?: { type: 'major' | 'minor'; execution?: 'sync' | 'async' }) => void;
const exposedGc = (globalThis as { gc?: GcFunction }).gc;

/**
 * Every last byte of garbage collected (`gc()`: all available garbage, for heap numbers). It also
 * throws away compiled code, so the next run would be measured half in the interpreter.
 */
const gc = (): void => exposedGc?.();

/**
 * A young-generation collection before each timed run: the short-lived garbage of the run before is
 * not collected during this one. (A forced full collection, `gc()` or `gc(false)`, would also throw
 * away compiled code, so the run after it would be measured half in the interpreter; full
 * collections happen during the runs as V8 decides, as they do in a language server.)
 */
const collectBeforeRun = (): void => exposedGc?.({ type: 'minor' });

interface Timing {
  /** Wall clock. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Process CPU time (user + system, all threads) of the same runs: less sensitive to other load. */
  cpuMedianMs: number;
  runs: number;
  timesMs: number[];
  /** The same unrounded, and each run's CPU time, in run order (for ratios of runs of one round). */
  samples: { wallMs: number[]; cpuMs: number[] };
  /** The warm-up rounds' wall-clock times, in order (made like the timed runs, not counted in them). */
  warmupWallMs: number[];
}

interface SizeResult {
  sizeMB: number;
  bytes: number;
  chars: number;
  lines: number;
  generateMs: number;
  generated: Omit<GeneratedTranscript, 'text'>;
  baseline: Timing;
  parse: Timing;
  analysis: Timing;
  /** analyzeModel on an already parsed model: the analyses without the parse. */
  analysesOnly: Timing;
  /** findSimilarPairs over the distinct normalized questions alone. */
  similarPairs: Timing;
  service: Timing;
  /** Median of the ratios analysis / baseline of the runs of each round (wall clock). */
  analysisToBaseline: number;
  /** The same on CPU time. */
  analysisToBaselineCpu: number;
  /** Median analysis / median baseline (wall clock): how the ratio was judged before. */
  mediansRatio: number;
  /** {@link analysisToBaseline} over warm-up rounds {@link EARLY_ROUNDS} (while V8 still optimizes); undefined with fewer warm-ups. */
  earlyRatio: number | undefined;
  analysisMBps: number;
  analysisMsPerMB: number;
  baselineMsPerMB: number;
  heapDeltaMB: number;
  /** The first analysis of this text in the process (before warm-up: for the smallest size, with cold code). */
  firstAnalysisMs: number;
  model: { turns: number; speakers: number; exchanges: number; annotations: number; distinctQuestions: number; largestDuplicateGroup: number };
  findings: Record<string, number>;
  serviceCounts: { symbols: number; diagnostics: number };
  profile?: { totalMs: number; file: string; functions: HotFunction[] };
}

/** Analyses of the smallest and the largest text, measured taking turns (for the linear-growth target). */
interface GrowthResult {
  smallMB: number;
  largeMB: number;
  small: Timing;
  large: Timing;
}

interface TargetResult {
  name: string;
  /** Judged on wall-clock time (medians, or the median of paired ratios). */
  pass: boolean;
  /** The same judged on CPU time. */
  cpuPass: boolean;
  detail: string;
}

interface Options {
  sizes: number[];
  runs: number | undefined;
  writeSamples: boolean;
  profile: boolean;
}

function parseArgs(argv: string[]): Options {
  let sizes = [1, 10, 25];
  let runs: number | undefined;
  let writeSamples = false;
  let profile = false;
  for (const arg of argv) {
    if (arg.startsWith('--sizes=')) sizes = arg.slice(8).split(',').map(Number).filter((n) => n > 0);
    else if (arg.startsWith('--runs=')) runs = Math.max(1, Number(arg.slice(7)) | 0);
    else if (arg === '--write-samples') writeSamples = true;
    else if (arg === '--profile') profile = true;
  }
  return { sizes, runs, writeSamples, profile };
}

/** The median of `a[i] / b[i]`: runs of the same round (see {@link measureTogether}) compared with each other. */
function pairedRatio(a: number[], b: number[]): number {
  return median(a.map((value, i) => value / b[i]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Warm-up runs, then `runs` timed runs (fewer if one run is very slow); the result of each run is passed to `sink`. */
function measure<T>(fn: () => T, runs: number, sink: (value: T) => void, warmups?: number): Timing {
  return measureTogether([fn], runs, sink, warmups)[0];
}

/**
 * {@link measure} for stages whose times are compared with each other: their warm-ups and runs take
 * turns (run 1 of each stage, then run 2 of each, …), so that every stage meets the same conditions
 * (other load on the machine, the state of the heap) and their ratio is a fair one. A warm-up round
 * is made like a timed one, and timed, but not counted: {@link WARMUPS} of them (or `warmups`),
 * fewer when they take longer than {@link WARMUP_BUDGET_MS}, at least {@link MIN_WARMUPS} (or
 * `warmups`). Fewer timed runs when the stages are slow: no round that would end past the budget
 * (warm-ups included, estimated by the round before), but always one. Each result is passed to
 * `sink` outside the timed part.
 */
function measureTogether<T>(stages: Array<() => T>, runs: number, sink: (value: T) => void, warmups?: number): Timing[] {
  const most = warmups ?? WARMUPS;
  const least = Math.min(most, warmups ?? MIN_WARMUPS);
  const times: number[][] = stages.map(() => []);
  const cpuTimes: number[][] = stages.map(() => []);
  let warmupRounds = -1; // known once warm-up ends
  let spentMs = 0;
  let lastRoundMs = 0;
  for (let round = 0; ; round++) {
    if (warmupRounds < 0 && (round >= most || (round >= least && spentMs > WARMUP_BUDGET_MS))) warmupRounds = round;
    if (warmupRounds >= 0) {
      const timed = round - warmupRounds;
      if (timed >= runs || (timed > 0 && spentMs + lastRoundMs > STAGE_BUDGET_MS * stages.length)) break;
    }
    lastRoundMs = 0;
    stages.forEach((stage, s) => {
      collectBeforeRun();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const value = stage();
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      times[s].push(ms);
      cpuTimes[s].push((cpu.user + cpu.system) / 1000);
      lastRoundMs += ms;
      sink(value);
    });
    spentMs += lastRoundMs;
  }
  return stages.map((_, s) => {
    const wallMs = times[s].slice(warmupRounds);
    const cpuMs = cpuTimes[s].slice(warmupRounds);
    return {
      medianMs: median(wallMs),
      minMs: Math.min(...wallMs),
      maxMs: Math.max(...wallMs),
      cpuMedianMs: median(cpuMs),
      runs: wallMs.length,
      timesMs: wallMs.map((t) => Math.round(t * 10) / 10),
      samples: { wallMs, cpuMs },
      warmupWallMs: times[s].slice(0, warmupRounds),
    };
  });
}

const LABEL_LIKE = /^[\s\u3000]*([^:：]{1,32})[:：]/;

function baselineScan(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let labelled = 0;
  for (let i = 0; i < lines.length; i++) if (LABEL_LIKE.test(lines[i])) labelled++;
  return labelled;
}

function distinctQuestionKeys(analysis: TranscriptAnalysis): string[] {
  const seen = new Set<string>();
  for (const exchange of analysis.model.exchanges) {
    const key = normalizeQuestion(exchange.question.spokenText);
    if (key !== '') seen.add(key);
  }
  return [...seen];
}

/** The JavaScript heap plus the memory of typed arrays (which hold the model's tables). */
function memoryInUse(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Memory retained by one analysis (model + findings, and the work arrays the similar-question
 * search keeps for the next call): heap and typed arrays after minus before, with full gcs around it.
 */
function retainedHeap(text: string): { bytes: number; analysis: TranscriptAnalysis; ms: number } {
  gc();
  gc();
  const before = memoryInUse();
  const start = performance.now();
  const analysis = analyzeText(text);
  const ms = performance.now() - start;
  gc();
  gc();
  return { bytes: memoryInUse() - before, analysis, ms };
}

/** Runs of the growth measurement (the largest size's runs dominate its time). */
const GROWTH_RUNS = 11;

function measureGrowth(small: { sizeMB: number; bytes: number; text: string }, large: { sizeMB: number; bytes: number; text: string }): GrowthResult {
  let check = 0;
  // Both texts have been analysed many times by now: two rounds settle the heap after the switch.
  const [smallTiming, largeTiming] = measureTogether(
    [() => analyzeText(small.text).findings.length, () => analyzeText(large.text).findings.length],
    GROWTH_RUNS,
    (n) => (check += n),
    2,
  );
  if (check === -1) console.log('unreachable');
  return { smallMB: small.bytes / MB, largeMB: large.bytes / MB, small: smallTiming, large: largeTiming };
}

function benchSize(sizeMB: number, options: Options, outDir: string, profileThis: boolean, texts: Map<number, string>): SizeResult {
  const { runs: runsOverride, writeSamples } = options;
  const genStart = performance.now();
  const generated = generateTranscript({ targetBytes: sizeMB * MB, seed: 20240601 });
  const generateMs = performance.now() - genStart;
  const { text, ...generatedInfo } = generated;
  texts.set(sizeMB, text);
  if (writeSamples) writeFileSync(path.join(outDir, `sample-${sizeMB}MB.txt`), text);

  // Enough runs for a steady median on a shared machine (whose speed drifts by a third from one
  // second to the next); small sizes are cheap and noisier: more. Slow stages are cut by STAGE_BUDGET_MS.
  const runs = runsOverride ?? (sizeMB <= 1 ? 31 : 15);
  let check = 0; // consumes results so nothing is optimized away
  const log = (stage: string): void => {
    process.stdout.write(`  ${sizeMB} MB: ${stage}…\n`);
  };

  // Heap first, on a clean heap; the analysis is kept for the service stage.
  log('heap');
  const { bytes: heapDelta, analysis: kept, ms: firstAnalysisMs } = retainedHeap(text);

  log('baseline, parse, analysis');
  const [baseline, parse, analysis] = measureTogether(
    [() => baselineScan(text), () => parseTranscript(text).table.count, () => analyzeText(text).findings.length],
    runs,
    (n) => (check += n),
  );

  log('breakdown');
  const model = kept.model;
  // The code is warm by now: no warm-up, at most 3 runs.
  const breakdownRuns = Math.min(runs, 3);
  const analysesOnly = measure(() => analyzeModel(model), breakdownRuns, (a) => (check += a.findings.length), 0);
  const keys = distinctQuestionKeys(kept);
  const similarPairs = measure(
    () => findSimilarPairs(keys, DEFAULT_SETTINGS.similarQuestionThreshold),
    breakdownRuns,
    (p) => (check += p.length),
    0,
  );
  log('service');
  let serviceCounts = { symbols: 0, diagnostics: 0 };
  const service = measure(
    () => ({ symbols: documentSymbols(kept), diagnostics: diagnostics(kept, 'file:///bench.transcript') }),
    runs,
    (r) => {
      serviceCounts = { symbols: r.symbols.length, diagnostics: r.diagnostics.length };
      check += r.symbols.length;
    },
  );

  let hot: { totalMs: number; file: string; functions: HotFunction[] } | undefined;
  if (profileThis) {
    log('profile of analyzeText');
    collectBeforeRun();
    const file = path.join(outDir, `analysis-${sizeMB}MB.cpuprofile`);
    const profiled = profileCall(() => analyzeText(text), file);
    check += profiled.result.findings.length;
    hot = { totalMs: profiled.totalMs, file, functions: profiled.hot };
  }

  const findings: Record<string, number> = {};
  for (const finding of kept.findings) findings[finding.code] = (findings[finding.code] ?? 0) + 1;
  if (check === -1) console.log('unreachable');

  const mb = generated.bytes / MB;
  return {
    sizeMB,
    bytes: generated.bytes,
    chars: text.length,
    lines: model.lines.lineCount,
    generateMs,
    generated: generatedInfo,
    baseline,
    parse,
    analysis,
    analysesOnly,
    similarPairs,
    service,
    analysisToBaseline: pairedRatio(analysis.samples.wallMs, baseline.samples.wallMs),
    analysisToBaselineCpu: pairedRatio(analysis.samples.cpuMs, baseline.samples.cpuMs),
    mediansRatio: analysis.medianMs / baseline.medianMs,
    earlyRatio:
      analysis.warmupWallMs.length > EARLY_ROUNDS.to
        ? pairedRatio(analysis.warmupWallMs.slice(EARLY_ROUNDS.from, EARLY_ROUNDS.to + 1), baseline.warmupWallMs.slice(EARLY_ROUNDS.from, EARLY_ROUNDS.to + 1))
        : undefined,
    analysisMBps: mb / (analysis.medianMs / 1000),
    analysisMsPerMB: analysis.medianMs / mb,
    baselineMsPerMB: baseline.medianMs / mb,
    heapDeltaMB: heapDelta / MB,
    firstAnalysisMs,
    model: {
      turns: model.turns.length,
      speakers: model.speakers.length,
      exchanges: model.exchanges.length,
      annotations: model.annotations.length,
      distinctQuestions: keys.length,
      largestDuplicateGroup: Math.max(0, ...[...kept.duplicateGroups.values()].map((group) => group.length)),
    },
    findings,
    serviceCounts,
    ...(hot ? { profile: hot } : {}),
  };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const loadAverage = (): string => os.loadavg().map((n) => n.toFixed(2)).join(' ');

const f = (n: number, digits = 1): string => n.toFixed(digits);

/** Each target judged on wall-clock time and on process CPU time (robust to other load). */
function checkTargets(results: SizeResult[], growth: GrowthResult | undefined): TargetResult[] {
  const targets: TargetResult[] = [];
  const mbOf = (r: SizeResult): number => r.bytes / MB;
  for (const r of results) {
    const wall = r.analysisToBaseline;
    const cpu = r.analysisToBaselineCpu;
    targets.push({
      name: `analysis within ${RATIO_TARGET}x of bare scan (${r.sizeMB} MB)`,
      pass: wall <= RATIO_TARGET,
      cpuPass: cpu <= RATIO_TARGET,
      detail:
        `wall ${f(wall, 2)}x (medians ${f(r.analysis.medianMs)} vs ${f(r.baseline.medianMs)} ms: ${f(r.mediansRatio, 2)}x); ` +
        `cpu ${f(cpu, 2)}x (medians ${f(r.analysis.cpuMedianMs)} vs ${f(r.baseline.cpuMedianMs)} ms)`,
    });
  }
  if (results.length >= 2 && growth !== undefined) {
    const small = results[0];
    const large = results[results.length - 1];
    const perMB = (timing: Timing, mb: number, cpu = false): number => (cpu ? timing.cpuMedianMs : timing.medianMs) / mb;
    const wall = perMB(growth.large, growth.largeMB) / perMB(growth.small, growth.smallMB);
    const cpu = perMB(growth.large, growth.largeMB, true) / perMB(growth.small, growth.smallMB, true);
    const apart = large.analysis.medianMs / mbOf(large) / (small.analysis.medianMs / mbOf(small));
    targets.push({
      name: `linear growth (ms/MB at ${large.sizeMB} MB within ${GROWTH_TARGET}x of ${small.sizeMB} MB, the two taking turns)`,
      pass: wall <= GROWTH_TARGET,
      cpuPass: cpu <= GROWTH_TARGET,
      detail:
        `wall ${f(perMB(growth.large, growth.largeMB))} vs ${f(perMB(growth.small, growth.smallMB))} ms/MB = ${f(wall, 2)}x; ` +
        `cpu ${f(perMB(growth.large, growth.largeMB, true))} vs ${f(perMB(growth.small, growth.smallMB, true))} ms/MB = ${f(cpu, 2)}x ` +
        `(measured a size at a time: ${f(apart, 2)}x)`,
    });
  }
  const largest = results.find((r) => r.sizeMB === 25);
  if (largest) {
    targets.push({
      name: `25 MB analysed in under ${LARGEST_TARGET_MS} ms`,
      pass: largest.analysis.medianMs < LARGEST_TARGET_MS,
      cpuPass: largest.analysis.cpuMedianMs < LARGEST_TARGET_MS,
      detail: `wall ${f(largest.analysis.medianMs)} ms; cpu ${f(largest.analysis.cpuMedianMs)} ms`,
    });
  }
  return targets;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const { sizes } = options;
  const outDir = path.resolve(process.cwd(), 'bench', 'results'); // run-bench.mjs runs from the repository root
  mkdirSync(outDir, { recursive: true });
  if (!(globalThis as { gc?: unknown }).gc) console.warn('warning: run with --expose-gc for heap numbers and stable timings');

  const totalStart = performance.now();
  console.log(
    `Transcript benchmark — node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs, ` +
      `load average ${loadAverage()} (timings are wall-clock: other load on the machine inflates them)`,
  );
  const results: SizeResult[] = [];
  const largest = Math.max(...sizes);
  const texts = new Map<number, string>();
  for (const size of sizes) results.push(benchSize(size, options, outDir, options.profile && size === largest, texts));
  let growth: GrowthResult | undefined;
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    process.stdout.write(`  growth: ${small.sizeMB} MB and ${large.sizeMB} MB taking turns…\n`);
    growth = measureGrowth({ ...small, text: texts.get(small.sizeMB) ?? '' }, { ...large, text: texts.get(large.sizeMB) ?? '' });
  }
  texts.clear();

  console.log('\nTimings (median of runs, ms)\n');
  console.log(
    table(
      ['size', 'MB', 'lines', 'warm-up', 'runs', 'baseline', 'parse', 'analysis', 'ratio', 'early ratio', 'first', 'MB/s', 'ms/MB', 'base ms/MB', 'service', 'memory MB', 'analysis cpu', 'cpu ratio'],
      results.map((r) => [
        `${r.sizeMB} MB`,
        f(r.bytes / MB, 2),
        String(r.lines),
        String(r.analysis.warmupWallMs.length),
        String(r.analysis.runs),
        f(r.baseline.medianMs),
        f(r.parse.medianMs),
        f(r.analysis.medianMs),
        f(r.analysisToBaseline, 2) + 'x',
        r.earlyRatio === undefined ? '-' : f(r.earlyRatio, 2) + 'x',
        f(r.firstAnalysisMs),
        f(r.analysisMBps),
        f(r.analysisMsPerMB),
        f(r.baselineMsPerMB),
        f(r.service.medianMs),
        f(r.heapDeltaMB),
        f(r.analysis.cpuMedianMs),
        f(r.analysisToBaselineCpu, 2) + 'x',
      ]),
    ),
  );
  console.log(
    '\nwarm-up = rounds before the timed runs; ratio = analysis / baseline (wall), the median of the ratios of runs made in the same round; ' +
      `early ratio = the same over warm-up rounds ${EARLY_ROUNDS.from + 1}–${EARLY_ROUNDS.to + 1}, while V8 still optimizes small functions; ` +
      'first = the first analysis of the text, before warm-up; ms/MB = analysis ms per MB of UTF-8; service = documentSymbols + diagnostics ' +
      'from a finished analysis; memory MB = heap and typed arrays retained by one analysis (the text excluded); analysis cpu = process CPU ms (all threads).',
  );
  if (os.loadavg()[0] > os.cpus().length) {
    console.log(`NOTE: load average ${loadAverage()} exceeds ${os.cpus().length} CPUs: wall-clock timings are inflated by other processes.`);
  }
  console.log('\nBreakdown (ms): analyses = analyzeModel on a parsed model; similar = findSimilarPairs alone\n');
  console.log(
    table(
      ['size', 'parse', 'analyses', 'similar', 'analysis min..max', 'questions', 'distinct', 'max dup', 'turns', 'duplicate', 'similar', 'unanswered', 'symbols', 'diags'],
      results.map((r) => [
        `${r.sizeMB} MB`,
        f(r.parse.medianMs),
        f(r.analysesOnly.medianMs),
        f(r.similarPairs.medianMs),
        `${f(r.analysis.minMs)}..${f(r.analysis.maxMs)}`,
        String(r.model.exchanges),
        String(r.model.distinctQuestions),
        String(r.model.largestDuplicateGroup),
        String(r.model.turns),
        String(r.findings['duplicate-question'] ?? 0),
        String(r.findings['similar-question'] ?? 0),
        String(r.findings['unanswered-question'] ?? 0),
        String(r.serviceCounts.symbols),
        String(r.serviceCounts.diagnostics),
      ]),
    ),
  );

  for (const r of results) {
    if (!r.profile) continue;
    console.log(`\nProfile of one analyzeText at ${r.sizeMB} MB (${f(r.profile.totalMs)} ms profiled; ${path.relative(process.cwd(), r.profile.file)})\n`);
    console.log(
      table(
        ['function', 'source', 'self ms', 'self %'],
        r.profile.functions.map((h) => [h.functionName, h.source, f(h.selfMs), f(h.selfPercent) + '%']),
      ),
    );
  }

  const targets = checkTargets(results, growth);
  const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
  console.log('\nTargets (wall = wall-clock times, a ratio being the median of the ratios of runs made in the same round; cpu = the same on process CPU time)\n');
  for (const t of targets) console.log(`  wall ${verdict(t.pass)}  cpu ${verdict(t.cpuPass)}  ${t.name}: ${t.detail}`);
  const failed = targets.filter((t) => !t.pass).length;
  const cpuFailed = targets.filter((t) => !t.cpuPass).length;
  console.log(
    failed === 0 && cpuFailed === 0
      ? '\nAll targets met.'
      : `\n*** FAIL: ${failed} of ${targets.length} targets failed on wall-clock time, ${cpuFailed} on CPU time ***`,
  );

  const totalMs = performance.now() - totalStart;
  const file = path.join(outDir, 'latest.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}/${process.arch}`,
        cpus: os.cpus().length,
        loadAverageAtEnd: os.loadavg(),
        totalMs,
        targets,
        results,
        growth,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nLoad average at the end: ${loadAverage()}`);
  console.log(`Wrote ${path.relative(process.cwd(), file)} (total ${f(totalMs / 1000)} s)`);
}

main();
