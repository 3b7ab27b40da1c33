import { Ban, Paintbrush } from "lucide-react";
import type { ReactNode } from "react";
import { useSelectedProvider } from "../generate/use-generate";
import type { PaintLayer } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { ToolButton } from "../ui/ToolButton";
import { EXCLUDE_TINT } from "./mask-display";
import { maskMayHavePixels } from "./mask-op";

const LAYERS: { layer: PaintLayer; label: string; title: string; icon: ReactNode }[] = [
  {
    layer: "mask",
    label: "Area to fill",
    title: "Tools paint the area to fill (X switches)",
    icon: <Paintbrush size={15} aria-hidden />,
  },
  {
    layer: "exclude",
    label: "Don't copy from",
    title:
      "Tools paint what the fill must neither copy nor continue: a second person, a sign, a sundial it keeps repeating (X switches). The local engine only.",
    icon: <Ban size={15} aria-hidden style={{ color: EXCLUDE_TINT }} />,
  },
];

/**
 * Which of the document's two masks the tools, undo and redo act on. Each is tinted its own
 * colour on the stage; when the provider cannot take the second, the sidebar says so rather
 * than let it be dropped unseen.
 */
export function PaintLayerSwitch() {
  const paintLayer = useAppStore((s) => s.paintLayer);
  const paintIn = usePaintInEditor();
  return (
    <div className="space-y-1.5">
      <fieldset aria-label="Paint" className="flex flex-wrap gap-1.5">
        {LAYERS.map((l) => (
          <ToolButton
            key={l.layer}
            testId={`paint-layer-${l.layer}`}
            icon={l.icon}
            label={l.label}
            title={l.title}
            pressed={paintLayer === l.layer}
            onClick={() => paintIn(l.layer)}
          />
        ))}
      </fieldset>
      <ExcludeIgnored />
    </div>
  );
}

/** Opens the editor painting `layer`: the stage must show what the tools will act on. */
export function usePaintInEditor(): (layer: PaintLayer) => void {
  const editMask = useAppStore((s) => s.editMask);
  const setPaintLayer = useAppStore((s) => s.setPaintLayer);
  return (layer) => {
    editMask();
    setPaintLayer(layer);
  };
}

/** Said wherever the exclusion shows, when the chosen provider would not get it. */
export function ExcludeIgnored() {
  const excluding = useAppStore((s) => maskMayHavePixels(s.excludeOps));
  const provider = useSelectedProvider();
  if (!excluding || provider === null || provider.excludesSources === true) return null;
  return (
    <p data-testid="exclude-ignored" className="text-xs text-amber-300">
      {provider.label} cannot keep the fill from copying an area: the "Don't copy from" area is not
      sent.
    </p>
  );
}
