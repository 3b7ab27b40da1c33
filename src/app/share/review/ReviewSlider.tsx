import { useRef, useState } from "react";
import { CompareSlider, type SliderSide } from "../../compare/CompareSlider";
import { useOutlineDividerStart } from "../../compare/use-mask-divider-start";
import { useElementSize } from "../../editor/use-element-size";
import type { Size } from "../../view/view-transform";

/** The app's comparison slider, as large as the space allows (a phone's width, a full screen). */
export function ReviewSlider(props: {
  a: SliderSide;
  b: SliderSide;
  outline: string | null;
  content: Size;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(frame);
  const [showOutline, setShowOutline] = useState(false);
  const { content } = props;
  // As in the app, the divider starts across the change (here read from the outline).
  const start = useOutlineDividerStart(props.outline, content);
  // Room for the zoom toolbar under the slider; small images are enlarged to fit too.
  const scale = Math.min(viewport.width / content.width, (viewport.height - 40) / content.height);
  return (
    <div ref={frame} className="grid flex-1 place-items-center">
      {scale > 0 && start !== undefined && (
        <CompareSlider
          key={`${props.a.src}:${props.b.src}:${showOutline}`}
          a={props.a}
          b={props.b}
          overlay={showOutline ? props.outline : null}
          content={content}
          start={start}
          width={Math.floor(content.width * scale)}
          height={Math.floor(content.height * scale)}
        />
      )}
      {props.outline && (
        <label className="absolute top-2 left-2 z-10 hidden items-center gap-1.5 rounded bg-black/60 px-2 py-1 text-xs sm:flex">
          <input
            type="checkbox"
            checked={showOutline}
            onChange={(e) => setShowOutline(e.currentTarget.checked)}
          />
          Outline
        </label>
      )}
    </div>
  );
}
