/**
 * Two `npm run bench:engine` outputs side by side: what a change did, case by case. A mean can
 * hide one photo falling apart (the forest's right third lost 1.5 dB in a change whose mean
 * moved 0.07); the cases that moved, and the ones that crossed a target, are what to look at.
 */

interface MethodFigures {
  layoutDb: number;
  texture: number;
  /** the share of blocks with a straight-sided seam; absent in runs from before the figure */
  seams?: number;
}

export interface BenchCase {
  case: string;
  engine: MethodFigures;
  smear: MethodFigures;
}

export interface BenchRun {
  cases: BenchCase[];
  casesLayoutBelowSmear: string[];
  casesTextureOutOfRange: string[];
}

export interface CaseChange {
  case: string;
  beforeDb: number;
  afterDb: number;
  changeDb: number;
  smearDb: number;
}

export interface BenchComparison {
  /** cases in both runs; the figures below are over these only */
  cases: number;
  /** cases in one run only (a run limited with --only) */
  unmatched: string[];
  meanLayoutDb: { before: number; after: number; change: number };
  /** the engine's mean seams figure over those cases; null when a run predates the figure */
  meanSeams: { before: number; after: number; change: number } | null;
  belowSmear: { before: number; after: number; newly: string[]; noLonger: string[] };
  textureOutOfRange: { before: number; after: number; newly: string[]; noLonger: string[] };
  /** cases whose layout moved by at least the threshold, worst first */
  changed: CaseChange[];
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function compareBenchRuns(
  before: BenchRun,
  after: BenchRun,
  thresholdDb: number,
): BenchComparison {
  const earlier = new Map(before.cases.map((c) => [c.case, c]));
  const later = new Map(after.cases.map((c) => [c.case, c]));
  const shared = after.cases.filter((c) => earlier.has(c.case)).map((c) => c.case);
  const unmatched = [
    ...before.cases.filter((c) => !later.has(c.case)),
    ...after.cases.filter((c) => !earlier.has(c.case)),
  ].map((c) => c.case);
  /** the engine's mean of a figure over the shared cases; null when a case lacks it */
  const mean = (
    run: Map<string, BenchCase>,
    pick: (figures: MethodFigures) => number | undefined,
  ) => {
    const values = shared.map((name) => pick(run.get(name)!.engine));
    if (values.some((v) => v === undefined)) return null;
    return (values as number[]).reduce((sum, v) => sum + v, 0) / Math.max(1, shared.length);
  };
  const movement = (pick: (figures: MethodFigures) => number | undefined) => {
    const before = mean(earlier, pick);
    const after = mean(later, pick);
    if (before === null || after === null) return null;
    return { before: round(before), after: round(after), change: round(after - before) };
  };
  const crossed = (listed: (run: BenchRun) => string[]) => {
    const was = new Set(listed(before).filter((name) => later.has(name)));
    const is = new Set(listed(after).filter((name) => earlier.has(name)));
    return {
      before: was.size,
      after: is.size,
      newly: [...is].filter((name) => !was.has(name)),
      noLonger: [...was].filter((name) => !is.has(name)),
    };
  };
  const changed = shared
    .map((name) => {
      const a = earlier.get(name)!;
      const b = later.get(name)!;
      return {
        case: name,
        beforeDb: a.engine.layoutDb,
        afterDb: b.engine.layoutDb,
        changeDb: round(b.engine.layoutDb - a.engine.layoutDb),
        smearDb: b.smear.layoutDb,
      };
    })
    .filter((c) => Math.abs(c.changeDb) >= thresholdDb)
    .sort((a, b) => a.changeDb - b.changeDb);
  return {
    cases: shared.length,
    unmatched,
    // every case has a layout
    meanLayoutDb: movement((figures) => figures.layoutDb)!,
    meanSeams: movement((figures) => figures.seams),
    belowSmear: crossed((run) => run.casesLayoutBelowSmear),
    textureOutOfRange: crossed((run) => run.casesTextureOutOfRange),
    changed,
  };
}
