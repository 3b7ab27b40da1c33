import { Eye, EyeOff } from "lucide-react";
import { useAppStore } from "../store/store";
import { buttonClass } from "../ui/button-class";
import { Slider } from "../ui/Slider";
import { ToolButton } from "../ui/ToolButton";

/** Overlay colour and opacity, show/hide (H) and a press-and-hold peek at the bare image (O). */
export function OverlayControls() {
  const color = useAppStore((s) => s.overlayColor);
  const opacity = useAppStore((s) => s.overlayOpacity);
  const visible = useAppStore((s) => s.maskVisible);
  const setColor = useAppStore((s) => s.setOverlayColor);
  const setOpacity = useAppStore((s) => s.setOverlayOpacity);
  const setVisible = useAppStore((s) => s.setMaskVisible);
  const setPeeking = useAppStore((s) => s.setPeeking);
  return (
    <div className="space-y-2">
      <Slider
        label="Overlay opacity"
        value={Math.round(opacity * 100)}
        display={`${Math.round(opacity * 100)}%`}
        min={10}
        max={100}
        testId="overlay-opacity"
        onChange={(value) => setOpacity(value / 100)}
      />
      <div className="flex flex-wrap items-center gap-1.5 text-sm text-neutral-200">
        <label className="flex items-center gap-1.5">
          Colour
          <input
            data-testid="overlay-color"
            type="color"
            value={color}
            onChange={(event) => setColor(event.currentTarget.value)}
            className="h-7 w-9 cursor-pointer rounded border border-neutral-600 bg-transparent"
          />
        </label>
        <ToolButton
          testId="mask-visible"
          title="Show / hide the mask (H)"
          icon={visible ? <Eye size={15} aria-hidden /> : <EyeOff size={15} aria-hidden />}
          label={visible ? "Hide" : "Show"}
          onClick={() => setVisible(!visible)}
        />
        <button
          type="button"
          title="Hold to see the bare image (hold P)"
          className={buttonClass}
          onPointerDown={() => setPeeking(true)}
          onPointerUp={() => setPeeking(false)}
          onPointerLeave={() => setPeeking(false)}
        >
          Peek
        </button>
      </div>
    </div>
  );
}
