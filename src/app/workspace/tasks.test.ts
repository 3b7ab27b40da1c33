import { describe, expect, it } from "vitest";
import { currentTask, offeredTasks } from "./tasks";

describe("offeredTasks and currentTask", () => {
  it("offers what the provider lists, Replace always, and Replace and Extend from an older proxy", () => {
    const ids = (tasks: readonly { id: string }[]) => tasks.map((t) => t.id);
    expect(ids(offeredTasks({ tasks: ["erase", "fill", "outpaint"] }))).toEqual([
      "erase",
      "fill",
      "outpaint",
    ]);
    expect(ids(offeredTasks({ tasks: ["fill"] }))).toEqual(["fill"]);
    expect(ids(offeredTasks({}))).toEqual(["fill", "outpaint"]);
    expect(ids(offeredTasks(null))).toEqual(["fill", "outpaint"]);
  });

  it("is Extend with a frame, else the mask task, else Replace when that is not offered", () => {
    const all = offeredTasks({ tasks: ["erase", "fill", "outpaint"] });
    expect(currentTask(true, "erase", all).id).toBe("outpaint");
    expect(currentTask(false, "erase", all).id).toBe("erase");
    expect(currentTask(false, "erase", all).promptPlaceholder).toBeNull();
    expect(currentTask(false, "erase", offeredTasks({ tasks: ["fill"] })).id).toBe("fill");
  });
});
