/**
 * One self-contained HTML file of a run for decks, mail and offline viewing: the before/after
 * slider and the variants with every image inlined as a data URL and the script inline, so it
 * opens from disk with no network. Pure, so Node tests read what it writes.
 */

import { SIDE_COLUMN } from "../compare/compare-layout";

/** One image of the page: `tag` names its side on the slider, `label` its tile. */
export interface ReviewHtmlImage {
  src: string;
  tag: string;
  label: string;
}

export interface ReviewHtmlInput {
  title: string;
  caption: string;
  before: Omit<ReviewHtmlImage, "label">;
  variants: ReviewHtmlImage[];
  width: number;
  height: number;
  /** Where the divider starts, whole percent of the width (the app's `dividerStart`, rounded). */
  start: number;
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Prompts are anybody's text: escaped for both text and attributes. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/**
 * What the window keeps beside the slider's height: the page's padding, the caption (one line),
 * the gaps and the divider's range. The slider's width follows from the height left, so a
 * portrait fits the window instead of running 600 px down a 640 px one, and the tiles (a flex
 * item as wide as they are, at least the app's side column) sit beside it when there is room
 * (a portrait), else wrap under it (a wide photo), as in the app's comparison.
 */
const RESERVED_HEIGHT = "112px";

const STYLE = `
*{box-sizing:border-box}body{margin:0;background:#171717;color:#e5e5e5;font:14px/1.4 system-ui,sans-serif}
main{max-width:1200px;margin:0 auto;padding:16px;display:flex;flex-wrap:wrap;gap:12px;justify-content:center;align-items:flex-start}
h1{flex:0 0 100%;font-size:16px;font-weight:600;margin:0;text-align:center;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.stage{display:flex;flex-direction:column;gap:8px;width:min(100%,var(--w),calc((100vh - ${RESERVED_HEIGHT}) * var(--ar)))}
.slider{position:relative;width:100%;aspect-ratio:var(--ar);touch-action:none;user-select:none;cursor:ew-resize;background:repeating-conic-gradient(#a3a3a3 0 25%,#d4d4d4 0 50%) 0 0/16px 16px}
.slider img{position:absolute;inset:0;width:100%;height:100%;display:block}
.slider .after{clip-path:inset(0 0 0 var(--pos))}
.divider{position:absolute;top:0;bottom:0;left:var(--pos);width:2px;margin-left:-1px;background:#fff;box-shadow:0 0 0 1px #0006}
.tag{position:absolute;top:8px;padding:2px 8px;border-radius:4px;background:#0009;color:#fff;font-size:12px}
input[type=range]{width:100%;margin:0}
.grid{flex:0 1 auto;min-width:min(100%,${SIDE_COLUMN}px);max-height:calc(100vh - 70px);overflow-y:auto;display:flex;flex-wrap:wrap;gap:8px;justify-content:center;align-content:flex-start}
.grid button{background:#262626;border:2px solid transparent;border-radius:6px;padding:4px;color:inherit;cursor:pointer}
.grid button[aria-pressed=true]{border-color:#f59e0b}
.grid img{display:block;height:96px;width:auto}
`;

const SCRIPT = `
const slider=document.querySelector('.slider'),range=document.querySelector('input[type=range]'),after=slider.querySelector('.after'),tagB=document.querySelector('.tag.b');
const set=(p)=>{slider.style.setProperty('--pos',p+'%');range.value=p};
range.addEventListener('input',()=>set(range.value));
const drag=(e)=>{const r=slider.getBoundingClientRect();set(Math.round(Math.min(100,Math.max(0,(e.clientX-r.left)/r.width*100))))};
slider.addEventListener('pointerdown',(e)=>{slider.setPointerCapture(e.pointerId);drag(e)});
slider.addEventListener('pointermove',(e)=>{if(slider.hasPointerCapture(e.pointerId))drag(e)});
for(const b of document.querySelectorAll('.grid button'))b.addEventListener('click',()=>{
for(const o of document.querySelectorAll('.grid button'))o.setAttribute('aria-pressed',String(o===b));
after.src=b.querySelector('img').src;after.alt=tagB.textContent=b.dataset.tag});
`;

export function reviewHtml(input: ReviewHtmlInput): string {
  const first = input.variants[0];
  if (!first) throw new Error("A run needs at least one finished variant to export.");
  const { before } = input;
  const tiles = input.variants
    .map(
      (v, i) =>
        `<button type="button" aria-pressed="${i === 0}" data-tag="${escapeHtml(v.tag)}"><img src="${v.src}" alt="${escapeHtml(v.label)}"><div>${escapeHtml(v.label)}</div></button>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1 title="${escapeHtml(input.caption)}">${escapeHtml(input.caption)}</h1>
<div class="stage" style="--w:${input.width}px;--ar:${input.width}/${input.height}">
<div class="slider" style="--pos:${input.start}%">
<img class="before" src="${before.src}" alt="${escapeHtml(before.tag)}">
<img class="after" src="${first.src}" alt="${escapeHtml(first.tag)}">
<div class="divider"></div>
<span class="tag" style="left:8px">${escapeHtml(before.tag)}</span><span class="tag b" style="right:8px">${escapeHtml(first.tag)}</span>
</div>
<input type="range" min="0" max="100" value="${input.start}" aria-label="Divider position">
</div>
<div class="grid">${tiles}</div>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
