import { useEffect, useRef } from "react";
import { CompareTools } from "../compare/CompareTools";
import { MaskTools } from "../editor/MaskTools";
import { GenerateBar } from "../generate/GenerateBar";
import { PromptField } from "../generate/PromptField";
import { ProviderSettings } from "../generate/ProviderSettings";
import { RunStatusList } from "../generate/RunStatusList";
import { OutpaintPanel } from "../outpaint/OutpaintPanel";
import { useAppStore } from "../store/store";
import { modeOf } from "../store/view-slice";
import { Section } from "../ui/Section";
import { TaskOptions } from "./TaskOptions";
import { TaskSwitch } from "./TaskSwitch";
import { useTask } from "./use-task";

/**
 * The task, the prompt, Generate and the run's jobs pinned at the top; below, in folding
 * sections that scroll, only the tools of the mode on screen and the provider's settings.
 */
export function Sidebar() {
  const mode = useAppStore(modeOf);
  const runId = useAppStore((s) => s.shownRunId);
  const { task } = useTask();
  const tools = useRef<HTMLDivElement>(null);
  const imageUrl = useAppStore((s) => s.image?.url);
  // A new photo starts at the top of the tools: scrolled down to the previous photo's mask import,
  // it opened with its Mask tools out of sight.
  useEffect(() => {
    if (imageUrl) tools.current?.scrollTo({ top: 0 });
  }, [imageUrl]);
  return (
    <aside
      data-testid="sidebar"
      className="flex w-80 shrink-0 flex-col border-l border-neutral-800 bg-neutral-900"
    >
      <div className="space-y-3 border-b border-neutral-800 p-4">
        <TaskSwitch />
        {task.promptPlaceholder !== null && <PromptField placeholder={task.promptPlaceholder} />}
        <TaskOptions task={task} />
        <GenerateBar />
        {runId && (
          // Right under Generate, so a press is answered where it was made; a long list scrolls.
          <div className="max-h-36 overflow-y-auto">
            <RunStatusList runId={runId} />
          </div>
        )}
      </div>
      {/* `relative`: a visually hidden (absolute) input inside is then clipped by this scroll
          area; without it, its containing block is the page, and it stretched the page. */}
      <div
        ref={tools}
        data-testid="sidebar-tools"
        className="relative min-h-0 flex-1 overflow-y-auto px-4 pt-2"
      >
        {mode === "edit" && <MaskTools />}
        {mode === "extend" && <OutpaintPanel />}
        {mode === "compare" && <CompareTools />}
        <Section title="Provider and settings" testId="settings">
          <ProviderSettings />
        </Section>
      </div>
    </aside>
  );
}
