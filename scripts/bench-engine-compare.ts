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
  const mean = (run: Map<string, BenchCase>) =>
    shared.reduce((sum, name) => sum + run.get(name)!.engine.layoutDb, 0) /
    Math.max(1, shared.length);
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
  const meanBefore = mean(earlier);
  const meanAfter = mean(later);
  const seams = (run: Map<string, BenchCase>) => {
    const values = shared.map((name) => run.get(name)!.engine.seams);
    if (values.some((v) => v === undefined)) return null;
    return (values as number[]).reduce((sum, v) => sum + v, 0) / Math.max(1, shared.length);
  };
  const seamsBefore = seams(earlier);
  const seamsAfter = seams(later);
  return {
    cases: shared.length,
    unmatched,
    meanLayoutDb: {
      before: round(meanBefore),
      after: round(meanAfter),
      change: round(meanAfter - meanBefore),
    },
    meanSeams:
      seamsBefore === null || seamsAfter === null
        ? null
        : {
            before: round(seamsBefore),
            after: round(seamsAfter),
            change: round(seamsAfter - seamsBefore),
          },
    belowSmear: crossed((run) => run.casesLayoutBelowSmear),
    textureOutOfRange: crossed((run) => run.casesTextureOutOfRange),
    changed,
  };
}
