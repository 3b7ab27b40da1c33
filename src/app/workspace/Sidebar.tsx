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
import { TaskSwitch } from "./TaskSwitch";

/**
 * The task, the prompt and Generate pinned at the top; below, in folding sections that scroll,
 * only the tools of the mode on screen, the run's jobs and the provider's settings.
 */
export function Sidebar() {
  const mode = useAppStore(modeOf);
  const runId = useAppStore((s) => s.shownRunId);
  return (
    <aside
      data-testid="sidebar"
      className="flex w-80 shrink-0 flex-col border-l border-neutral-800 bg-neutral-900"
    >
      <div className="space-y-3 border-b border-neutral-800 p-4">
        <TaskSwitch />
        <PromptField />
        <GenerateBar />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 pt-2">
        {runId && (
          <Section title="This run">
            <RunStatusList runId={runId} />
          </Section>
        )}
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
