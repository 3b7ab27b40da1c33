/**
 * `npm run bench:compare -- before.json after.json [--min=0.05]`: what a change did to the
 * engine's figures, from two `npm run bench:engine` outputs (bench-engine-compare.ts). Prints
 * JSON: the mean layout (and the mean seams figure, when both runs have it) over the cases both
 * runs have, the cases that crossed the edge smear or the texture range either way, and every
 * case whose layout moved by at least `--min` dB.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type BenchRun, compareBenchRuns } from "./bench-engine-compare";

const USAGE = "usage: npm run bench:compare -- before.json after.json [--min=0.05]";
const { positionals: files, values } = commandLine();
if (files.length !== 2) fail(USAGE);
const min = Number(values.min);
if (!(min >= 0)) fail(`--min must be a number of dB, 0 or more (got ${values.min})`);

function commandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { min: { type: "string", default: "0.05" } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const read = (file: string): BenchRun => {
  let run: Partial<BenchRun>;
  try {
    run = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(run.cases) || !Array.isArray(run.casesLayoutBelowSmear)) {
    fail(`${file} is not the JSON that npm run bench:engine prints`);
  }
  return run as BenchRun;
};
const [before, after] = files.map(read) as [BenchRun, BenchRun];
console.log(JSON.stringify(compareBenchRuns(before, after, min), null, 2));
