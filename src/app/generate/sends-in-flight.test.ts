import { describe, expect, it } from "vitest";
import { SendsInFlight } from "./sends-in-flight";

describe("SendsInFlight", () => {
  it("aborts only the variant asked for, and nothing once it finished", () => {
    const sends = new SendsInFlight();
    const first = sends.start("run", 0);
    const second = sends.start("run", 1);
    sends.abort("run", 0);
    expect([first.aborted, second.aborted]).toEqual([true, false]);
    sends.finish("run", 1);
    sends.abort("run", 1);
    expect(second.aborted).toBe(false);
  });

  it("keeps each owner's uploads apart, and stops all of one owner's on destroy", () => {
    const mine = new SendsInFlight();
    const theirs = new SendsInFlight();
    const a = mine.start("run", 0);
    const b = theirs.start("run", 0);
    mine.destroy();
    expect([a.aborted, b.aborted]).toEqual([true, false]);
  });
});
