/**
 * `npm run bench:engine`: measures the local fill engine the way the eye judges it, against an
 * edge smear, OpenCV's Telea and PyPatchMatch (InvokeAI's PatchMatch infill), on real photos with
 * a part removed where the truth is known (bench-engine-cases.ts): outpaints (top third, right
 * third, "Zoom out 1.5x" and "Zoom out 2x" rings) through the expand path, and ellipse and
 * lasso-like removals. Prints JSON: per case the layout PSNR at 1/8 scale, the texture ratio,
 * the shares of 16×16 blocks with spurious, smeared and streaked detail, the share of strips
 * along the canvas's border with a copied block's edge, and the time of every method
 * (bench-engine-measures.ts), whether the engine meets issue 13's targets, and the speed and
 * memory cases (1 MP 10% hole, Zoom out 1.5x of 1 MP, 12 MP 3% hole). A contact sheet per case
 * goes to bench-results/ (truth | smear | Telea | PatchMatch | engine).
 *
 * Engine times are wall time of one fill through the worker pool (transfer in, fill, transfer
 * out) with warm workers, as in the long-running server, and CPU time of the whole process.
 * Options: `--quick` (one repetition, no 12 MP case), `--only=a,b` (cases whose name contains
 * one of the words), `--no-patchmatch`, `--out=dir` (where the sheets go: a change's sheets kept
 * beside the baseline's, to look at both; bench-results/ by default). `npm run bench:compare`
 * reads two of its JSON outputs.
 */
import { mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { FillOutput, FillTask } from "../src/server/engine/fill-task";
import { WorkerPool } from "../src/server/engine/worker-pool";
import { benchPhoto, blobMask } from "../src/server/testing/bench-photos";
import { type Case, holeCase, PHOTO_SET, photoCases, SPEED_CASES } from "./bench-engine-cases";
import { type Figures, figures } from "./bench-engine-measures";
import {
  type PeerRun,
  patchMatchUnavailable,
  runPatchMatch,
  runSmear,
  runTelea,
} from "./bench-engine-peers";
import { saveContactSheet } from "./bench-engine-sheet";

const args = process.argv.slice(2);
const OUT =
  args.find((a) => a.startsWith("--out="))?.slice(6) ??
  join(import.meta.dirname, "../bench-results");
const quick = args.includes("--quick");
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const REPEATS = quick ? 1 : 3;
const TEXTURE_RANGE = [0.6, 1.4] as const;
/**
 * A case whose seams figure reaches this is listed for a look at its sheet: on the garage and
 * the brick wall from 0.1 up the straight-sided copies are plain to see.
 */
const SEAMS_TO_LOOK_AT = 0.1;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function runEngine(pool: WorkerPool<FillTask, FillOutput>, c: Case) {
  const task: FillTask = {
    pixels: c.input.slice(),
    width: c.width,
    height: c.height,
    channels: 3,
    mask: c.mask.slice(),
    seed: 0,
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { pixels } = await pool.run(
    task,
    [task.pixels.buffer as ArrayBuffer, task.mask.buffer as ArrayBuffer],
    () => {},
  );
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, pixels };
}

interface MethodResult extends Figures {
  ms: number;
  cpuMs?: number;
  rssMb?: number;
}

interface CaseResult {
  case: string;
  kind: string;
  size: string;
  filled: number;
  engine: MethodResult;
  smear: MethodResult;
  telea: MethodResult;
  patchmatch: MethodResult | null;
  targets: {
    layoutAtLeastSmear: boolean;
    textureInRange: boolean;
    timeMet?: boolean;
    targetMs?: number;
  };
}

const round = (v: number) => Math.round(v);

async function main() {
  mkdirSync(OUT, { recursive: true });
  const pmSkip = args.includes("--no-patchmatch") ? "--no-patchmatch" : patchMatchUnavailable();
  if (pmSkip) console.error(`PyPatchMatch skipped: ${pmSkip}`);
  const pool = new WorkerPool<FillTask, FillOutput>(
    new URL("../src/server/engine/fill-worker.ts", import.meta.url),
    Math.max(1, cpus().length),
  );
  // Warm every worker (JIT, tsx) as a long-running server's would be.
  const warm = await benchPhoto("skimage_coffee.png");
  const warmCase = holeCase("warm", "", warm, blobMask(warm, 0.5, 0.5, 0.05, 1));
  await Promise.all(Array.from({ length: pool.size }, () => runEngine(pool, warmCase)));

  const all = [...SPEED_CASES, ...PHOTO_SET.flatMap(photoCases)];
  const selected = all.filter(
    (c) =>
      (!only || only.some((word) => c.name.includes(word))) && !(quick && c.name.includes("12mp")),
  );
  const results: CaseResult[] = [];
  let rss12mp: number | null = null;
  for (const { make } of selected) {
    const c = await make();
    const repeats = c.targetMs ? REPEATS : 1;
    const ms: number[] = [];
    const cpuMs: number[] = [];
    let pixels: Uint8Array = new Uint8Array(0);
    for (let r = 0; r < repeats; r++) {
      const run = await runEngine(pool, c);
      ms.push(run.ms);
      cpuMs.push(run.cpuMs);
      pixels = run.pixels;
    }
    if (c.name.includes("12mp")) rss12mp = round(process.resourceUsage().maxRSS / 1024);
    const measure = (p: Uint8Array) => figures(p, c.truth, c.width, c.height, c.mask);
    const engine: MethodResult = {
      ...measure(pixels),
      ms: round(median(ms)),
      cpuMs: round(median(cpuMs)),
    };
    const peers: [string, PeerRun | null][] = [
      ["smear", await runSmear(c)],
      ["telea", await runTelea(c)],
      ["patchmatch", pmSkip ? null : await runPatchMatch(c)],
    ];
    const methods: Record<string, MethodResult | null> = { engine };
    for (const [name, run] of peers) {
      methods[name] = run && {
        ...measure(run.pixels),
        ms: round(run.ms),
        ...(run.rssMb ? { rssMb: run.rssMb } : {}),
      };
    }
    const label = (name: string, m: MethodResult | null) =>
      m ? `${name} ${m.layoutDb.toFixed(1)} dB  tex ${m.texture.toFixed(2)}` : `${name}: skipped`;
    await saveContactSheet(
      c,
      [
        ...peers.map(([name, run]) => ({
          label: label(name, methods[name]!),
          pixels: run?.pixels ?? c.input,
        })),
        { label: label("engine", engine), pixels },
      ],
      OUT,
    );
    const smear = methods.smear!;
    const holeFraction = c.mask.reduce((a, v) => a + v, 0) / c.mask.length;
    const result: CaseResult = {
      case: c.name,
      kind: c.kind,
      size: `${c.width}x${c.height}`,
      filled: Math.round(holeFraction * 1000) / 1000,
      engine,
      smear,
      telea: methods.telea!,
      patchmatch: methods.patchmatch ?? null,
      targets: {
        layoutAtLeastSmear: engine.layoutDb >= smear.layoutDb,
        textureInRange: engine.texture >= TEXTURE_RANGE[0] && engine.texture <= TEXTURE_RANGE[1],
        ...(c.targetMs ? { timeMet: engine.ms <= c.targetMs, targetMs: c.targetMs } : {}),
      },
    };
    results.push(result);
    console.error(
      `${c.name.padEnd(28)} engine ${engine.layoutDb.toFixed(2)} dB tex ${engine.texture.toFixed(2)}` +
        ` spurious ${engine.spurious.toFixed(2)} smeared ${engine.smeared.toFixed(2)}` +
        ` border ${engine.borderBlocks?.toFixed(2) ?? "-"} streaks ${engine.streaks.toFixed(2)}` +
        ` seams ${engine.seams.toFixed(2)}` +
        ` ${engine.ms} ms` +
        ` | smear ${smear.layoutDb.toFixed(2)} | telea ${methods.telea!.layoutDb.toFixed(2)}` +
        ` | pm ${methods.patchmatch?.layoutDb.toFixed(2) ?? "-"} tex ${methods.patchmatch?.texture.toFixed(2) ?? "-"}`,
    );
  }
  await pool.close();

  const mean = (pick: (r: CaseResult) => number | null | undefined) => {
    const values = results.map(pick).filter((v): v is number => typeof v === "number");
    return values.length
      ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100
      : null;
  };
  const meanEngine = mean((r) => r.engine.layoutDb);
  const meanPatchMatch = mean((r) => r.patchmatch?.layoutDb);
  console.log(
    JSON.stringify(
      {
        machine: {
          cpus: cpus().length,
          loadavg: loadavg().map((v) => Math.round(v * 100) / 100),
          node: process.version,
        },
        repeatsForTimedCases: REPEATS,
        patchMatch: pmSkip ? { skipped: pmSkip } : { patchSize: 3 },
        peakRssMb12mp: rss12mp,
        rssTargetMet: rss12mp === null ? null : rss12mp <= 600,
        meanLayoutDb: {
          engine: meanEngine,
          smear: mean((r) => r.smear?.layoutDb),
          telea: mean((r) => r.telea?.layoutDb),
          patchmatch: meanPatchMatch,
        },
        meanDetailBlocks: Object.fromEntries(
          (["engine", "smear", "telea", "patchmatch"] as const).map((m) => [
            m,
            {
              spurious: mean((r) => r[m]?.spurious),
              smeared: mean((r) => r[m]?.smeared),
              borderBlocks: mean((r) => r[m]?.borderBlocks),
              streaks: mean((r) => r[m]?.streaks),
              seams: mean((r) => r[m]?.seams),
            },
          ]),
        ),
        meanLayoutBeatsPatchMatch:
          meanEngine !== null && meanPatchMatch !== null ? meanEngine > meanPatchMatch : null,
        casesLayoutBelowSmear: results
          .filter((r) => !r.targets.layoutAtLeastSmear)
          .map((r) => r.case),
        casesTextureOutOfRange: results.filter((r) => !r.targets.textureInRange).map((r) => r.case),
        casesWithBorderBlocks: results
          .filter((r) => (r.engine.borderBlocks ?? 0) > 0)
          .map((r) => r.case),
        // the sheets to look at first for straight-sided blocks, worst first
        casesWithSeams: results
          .filter((r) => r.engine.seams >= SEAMS_TO_LOOK_AT)
          .sort((a, b) => b.engine.seams - a.engine.seams)
          .map((r) => `${r.case} ${r.engine.seams}`),
        cases: results,
      },
      null,
      2,
    ),
  );
}

await main();
