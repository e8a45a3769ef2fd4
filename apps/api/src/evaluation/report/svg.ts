/**
 * ECharts SVG → react-pdf vector primitives. The SVG string (from `renderToSVGString()`) is parsed
 * with svg-parser into a small tree of `SvgNode`s (pure, testable), which `toPdfElement` turns into
 * react-pdf `Svg`, `G`, `Path`, `Rect`, `Line`, … elements. Text always uses the embedded font, so
 * non-Latin labels survive; rgba colours become a hex colour plus an opacity (PDF has no rgba).
 */
import { createElement, type ReactElement } from 'react';
import { reportDeps } from './deps';
import { parse, type ElementNode, type Node } from 'svg-parser';

export type SvgTag =
  | 'Svg'
  | 'G'
  | 'Path'
  | 'Rect'
  | 'Line'
  | 'Polyline'
  | 'Polygon'
  | 'Circle'
  | 'Ellipse'
  | 'Text'
  | 'Defs'
  | 'ClipPath';

export interface SvgNode {
  tag: SvgTag;
  props: Record<string, string | number>;
  children: SvgNode[];
  /** Text content of a Text node. */
  text?: string;
}

const TAGS: Record<string, SvgTag> = {
  svg: 'Svg',
  g: 'G',
  path: 'Path',
  rect: 'Rect',
  line: 'Line',
  polyline: 'Polyline',
  polygon: 'Polygon',
  circle: 'Circle',
  ellipse: 'Ellipse',
  text: 'Text',
  defs: 'Defs',
  clipPath: 'ClipPath',
  clippath: 'ClipPath',
};

/** SVG attribute → react-pdf prop; anything not listed (class, events, ecmeta_*, xmlns) is dropped. */
const ATTRS: Record<string, string> = {
  d: 'd',
  x: 'x',
  y: 'y',
  width: 'width',
  height: 'height',
  rx: 'rx',
  ry: 'ry',
  cx: 'cx',
  cy: 'cy',
  r: 'r',
  x1: 'x1',
  y1: 'y1',
  x2: 'x2',
  y2: 'y2',
  points: 'points',
  viewBox: 'viewBox',
  transform: 'transform',
  fill: 'fill',
  'fill-opacity': 'fillOpacity',
  'fill-rule': 'fillRule',
  stroke: 'stroke',
  'stroke-width': 'strokeWidth',
  'stroke-opacity': 'strokeOpacity',
  'stroke-dasharray': 'strokeDasharray',
  'stroke-linecap': 'strokeLinecap',
  'stroke-linejoin': 'strokeLinejoin',
  'stroke-miterlimit': 'strokeMiterlimit',
  opacity: 'opacity',
  'clip-path': 'clipPath',
  'text-anchor': 'textAnchor',
  'dominant-baseline': 'dominantBaseline',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  id: 'id',
};

/** "rgba(47, 93, 138, 0.15)" → ["#2f5d8a", 0.15]; other colours pass through with alpha 1. */
export function splitColour(value: string): [string, number] {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!m) return [value.trim(), 1];
  const hex = [m[1], m[2], m[3]]
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(Number(c))))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [`#${hex}`, Number.isFinite(a) ? a : 1];
}

const BASELINE_SHIFT: Record<string, number> = {
  central: 0.36,
  middle: 0.36,
  hanging: 0.72,
  'text-before-edge': 0.76,
  'text-after-edge': -0.24,
  ideographic: -0.24,
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });

/** "font-size:12px;font-family:sans-serif;" → { 'font-size': '12px', … } */
function styleAttrs(style: unknown): Record<string, string> {
  if (typeof style !== 'string') return {};
  const out: Record<string, string> = {};
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim();
  }
  return out;
}

const textOf = (n: Node): string =>
  n.type === 'text'
    ? String(n.value ?? '')
    : n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

function convert(n: ElementNode, fontFamily: string): SvgNode | null {
  const tag = n.tagName ? TAGS[n.tagName] : undefined;
  if (!tag) return null;
  const raw: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(n.properties ?? {})) if (v !== undefined) raw[k] = v;
  Object.assign(raw, styleAttrs(raw.style));
  const props: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw)) {
    const p = ATTRS[k];
    if (p) props[p] = v;
  }
  for (const [colour, opacity] of [
    ['fill', 'fillOpacity'],
    ['stroke', 'strokeOpacity'],
  ] as const) {
    const c = props[colour];
    if (typeof c !== 'string' || c === 'none' || c.startsWith('url(')) continue;
    const [hex, a] = splitColour(c);
    props[colour] = hex;
    if (a < 1) props[opacity] = (typeof props[opacity] === 'number' ? (props[opacity] as number) : 1) * a;
  }
  // react-pdf skips a zero opacity or width (falsy) and would paint the shape solid: drop the paint.
  const zero = (k: string) => props[k] !== undefined && Number(props[k]) === 0;
  if (zero('opacity')) return null;
  if (zero('fillOpacity')) {
    props.fill = 'none';
    delete props.fillOpacity;
  }
  if (zero('strokeOpacity') || zero('strokeWidth')) {
    delete props.stroke;
    delete props.strokeOpacity;
    delete props.strokeWidth;
  }
  if (typeof props.fontSize === 'string') props.fontSize = parseFloat(props.fontSize);
  if (typeof props.strokeDasharray === 'number') props.strokeDasharray = String(props.strokeDasharray);
  if (tag === 'Text') {
    // Halo strokes ECharts puts behind labels (paint-order) would hide the glyphs in a PDF.
    delete props.stroke;
    delete props.strokeWidth;
    props.fontFamily = fontFamily;
    if (props.fontSize === undefined) props.fontSize = 12;
    if (props.fill === undefined) props.fill = '#333333';
    // react-pdf's dominant-baseline needs the font's cap height, which DejaVu does not expose (NaN):
    // shift the baseline ourselves, as a fraction of the font size.
    const shift = BASELINE_SHIFT[String(props.dominantBaseline ?? '')] ?? 0;
    delete props.dominantBaseline;
    if (shift) props.y = (Number(props.y) || 0) + shift * (props.fontSize as number);
    const text = decodeEntities(textOf(n));
    return text.trim() ? { tag, props, children: [], text } : null;
  }
  const children: SvgNode[] = [];
  for (const c of n.children) {
    if (typeof c === 'string' || c.type !== 'element') continue;
    const k = convert(c, fontFamily);
    if (k) children.push(k);
  }
  return { tag, props, children };
}

/** Parse an SVG document into primitives (the root is an `Svg` node). */
export function svgToPrimitives(svg: string, fontFamily = 'DejaVu'): SvgNode {
  const root = parse(svg).children.find((c): c is ElementNode => c.type === 'element' && c.tagName === 'svg');
  if (!root) throw new Error('not an SVG document');
  const node = convert(root, fontFamily);
  if (!node) throw new Error('not an SVG document');
  // A clip path must be defined before it is used: react-pdf resolves url(#id) from the Defs it has seen.
  node.children.sort((a, b) => Number(b.tag === 'Defs') - Number(a.tag === 'Defs'));
  return node;
}

/** Primitives → react-pdf elements (after `loadReportDeps()`); `width` (pt) scales the drawing through its viewBox. */
export function toPdfElement(node: SvgNode, width?: number, key?: string | number): ReactElement {
  // react-pdf exports each primitive under the tag's name (Svg, G, Path, Rect, …).
  const C = reportDeps().pdf[node.tag] as unknown as Parameters<typeof createElement>[0];
  const props: Record<string, unknown> = { ...node.props, ...(key !== undefined ? { key } : {}) };
  if (node.tag === 'Svg') {
    const w = Number(node.props.width) || 0;
    const h = Number(node.props.height) || 0;
    if (!props.viewBox && w && h) props.viewBox = `0 0 ${w} ${h}`;
    if (width && w && h) {
      props.width = width;
      props.height = (width * h) / w;
    }
    props.style = { width: props.width, height: props.height };
  }
  if (node.tag === 'Text') return createElement(C, props, node.text ?? '');
  return createElement(C, props, ...node.children.map((c, i) => toPdfElement(c, undefined, i)));
}

export const svgToPdf = (svg: string, width?: number, fontFamily = 'DejaVu'): ReactElement =>
  toPdfElement(svgToPrimitives(svg, fontFamily), width);
