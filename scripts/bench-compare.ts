/**
 * `npm run bench:compare -- before.json after.json [--min=0.05]`: what a change did to the
 * engine's figures, from two `npm run bench:engine` outputs (bench-engine-compare.ts). Prints
 * JSON: the mean layout over the cases both runs have, the cases that crossed the edge smear or
 * the texture range either way, and every case whose layout moved by at least `--min` dB.
 */
import { readFileSync } from "node:fs";
import { type BenchRun, compareBenchRuns } from "./bench-engine-compare";

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
if (files.length !== 2) {
  console.error("usage: npm run bench:compare -- before.json after.json [--min=0.05]");
  process.exit(2);
}
const min = Number(args.find((a) => a.startsWith("--min="))?.slice(6) ?? "0.05");
if (!(min >= 0)) {
  console.error(`--min must be a number of dB, 0 or more (got ${min})`);
  process.exit(2);
}
const read = (file: string): BenchRun => {
  const run = JSON.parse(readFileSync(file, "utf8")) as Partial<BenchRun>;
  if (!Array.isArray(run.cases) || !Array.isArray(run.casesLayoutBelowSmear)) {
    console.error(`${file} is not the JSON that npm run bench:engine prints`);
    process.exit(2);
  }
  return run as BenchRun;
};
const [before, after] = files.map(read) as [BenchRun, BenchRun];
console.log(JSON.stringify(compareBenchRuns(before, after, min), null, 2));
