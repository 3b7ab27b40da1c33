import { useAppStore } from "../store/store";
import type { Task } from "./tasks";
import { useTask } from "./use-task";

/** What Generate will do, as one segmented choice at the top of the sidebar. */
export function TaskSwitch() {
  const { task, offered } = useTask();
  const editMask = useAppStore((s) => s.editMask);
  const extendCanvas = useAppStore((s) => s.extendCanvas);
  const setMaskTask = useAppStore((s) => s.setMaskTask);
  const choose = (next: Task) => {
    if (next.id === "outpaint") return extendCanvas();
    setMaskTask(next.id);
    editMask();
  };
  return (
    <div className="space-y-1">
      <fieldset
        data-testid="task"
        className="grid auto-cols-fr grid-flow-col rounded-md border border-neutral-700 p-0.5 text-sm"
      >
        <legend className="sr-only">Task</legend>
        {offered.map((t) => (
          <label
            key={t.id}
            title={t.hint}
            className="cursor-pointer rounded px-2 py-1 text-center text-neutral-300 hover:text-white has-checked:bg-neutral-700 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-accent"
          >
            <input
              type="radio"
              name="task"
              value={t.id}
              data-task={t.id}
              className="sr-only"
              checked={task.id === t.id}
              // A click, not a change: choosing the task already checked (from Compare, say)
              // still brings its mode on screen.
              readOnly
              onClick={() => choose(t)}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-neutral-400">{task.hint}.</p>
    </div>
  );
}
