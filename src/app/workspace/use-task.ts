import { useSelectedProvider } from "../generate/use-generate";
import { useAppStore } from "../store/store";
import { currentTask, offeredTasks, type Task } from "./tasks";

/** The tasks the selected provider takes, and the one Generate will do. */
export function useTask(): { task: Task; offered: readonly Task[] } {
  const provider = useSelectedProvider();
  const offered = offeredTasks(provider);
  const task = useAppStore((s) => currentTask(s.outpaint !== null, s.maskTask, offered));
  return { task, offered };
}
