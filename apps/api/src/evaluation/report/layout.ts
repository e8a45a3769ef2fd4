/**
 * Small react-pdf building blocks shared by the report sections: text, key/value rows, simple
 * tables, and the page frame with the classification banner top and bottom on every page
 * (ACCESS.md §6: fixed elements), the watermark line and "page N of M".
 */
import { createElement as h, type ReactElement, type ReactNode } from 'react';
import type { Styles } from '@react-pdf/renderer';
import { reportDeps } from './deps';
import { FONT, MONO } from './fonts';

export type El = ReactElement;
export type Style = Styles[string];

/** react-pdf's components (loaded lazily, see deps.ts). */
export const pdf = () => reportDeps().pdf;
export interface BannerLine {
  text: string;
  background: string;
  foreground: string;
}

export const COLOURS = {
  ink: '#1b1b1b',
  muted: '#555555',
  rule: '#c8c8c8',
  block: '#b3261e',
  warn: '#8a5a00',
  info: '#2f5d8a',
};

export const txt = (style: Style, ...children: ReactNode[]): El => h(pdf().Text, { style }, ...children);
export const p = (s: string, style: Style = {}): El =>
  // An explicit font size: react-pdf resolves a unitless lineHeight against the node's own size (default 18).
  txt({ marginBottom: 3, fontSize: 9, lineHeight: 1.35, ...style }, s);
export const muted = (s: string, style: Style = {}): El =>
  p(s, { color: COLOURS.muted, fontSize: 8, ...style });
export const mono = (s: string, style: Style = {}): El =>
  txt({ fontFamily: MONO, fontSize: 7.5, ...style }, s);
export const h1 = (s: string): El => txt({ fontSize: 18, fontWeight: 'bold', marginBottom: 8 }, s);
export const h2 = (s: string, opts: { breakBefore?: boolean } = {}): El =>
  h(
    pdf().Text,
    {
      style: { fontSize: 13, fontWeight: 'bold', marginTop: 10, marginBottom: 5 },
      break: opts.breakBefore ?? false,
      minPresenceAhead: 60,
    },
    s,
  );
export const h3 = (s: string): El =>
  h(
    pdf().Text,
    { style: { fontSize: 10.5, fontWeight: 'bold', marginTop: 8, marginBottom: 3 }, minPresenceAhead: 40 },
    s,
  );
export const box = (style: Style, ...children: ReactNode[]): El => h(pdf().View, { style }, ...children);
export const keep = (...children: ReactNode[]): El => h(pdf().View, { wrap: false }, ...children);

/** Label: value rows. */
export function kv(rows: [string, ReactNode][]): El {
  return box(
    { marginBottom: 6 },
    ...rows.map(([k, v], i) =>
      h(
        pdf().View,
        { key: i, style: { flexDirection: 'row', marginBottom: 2 } },
        txt({ width: 120, color: COLOURS.muted }, k),
        typeof v === 'string' ? txt({ flex: 1 }, v) : box({ flex: 1 }, v),
      ),
    ),
  );
}

/** A plain table; `widths` are flex weights. Rows never split across pages. */
export function table(
  head: string[],
  rows: string[][],
  opts: { widths?: number[]; fontSize?: number; caption?: string } = {},
): El {
  const fs = opts.fontSize ?? 8;
  const cell = (s: string, i: number, bold: boolean) =>
    txt(
      {
        flex: opts.widths?.[i] ?? 1,
        paddingVertical: 1.5,
        paddingHorizontal: 3,
        fontSize: fs,
        ...(bold ? { fontWeight: 'bold' } : {}),
        ...(i > 0 ? { textAlign: 'right' } : {}),
      },
      s,
    );
  return box(
    { marginBottom: 8 },
    ...(opts.caption ? [muted(opts.caption)] : []),
    h(
      pdf().View,
      { style: { flexDirection: 'row', borderBottom: `1pt solid ${COLOURS.ink}` }, fixed: false },
      ...head.map((c, i) => cell(c, i, true)),
    ),
    ...rows.map((r, j) =>
      h(
        pdf().View,
        { key: j, wrap: false, style: { flexDirection: 'row', borderBottom: `0.5pt solid ${COLOURS.rule}` } },
        ...r.map((c, i) => cell(c, i, false)),
      ),
    ),
  );
}

/**
 * A long numeric table drawn column-wise: each block of rows is one Text per column (lines joined
 * by newlines), so 180 months cost a few dozen text nodes instead of a thousand — react-pdf lays
 * out every Text separately, and per-cell Texts made the appendix the slowest part of the report.
 */
export function columnTable(
  head: string[],
  rows: string[][],
  opts: { widths?: number[]; fontSize?: number; caption?: string; rowsPerBlock?: number } = {},
): El {
  const fs = opts.fontSize ?? 7;
  const per = opts.rowsPerBlock ?? 34; // two blocks per A4 page at 7 pt
  const blocks: string[][][] = [];
  for (let i = 0; i < rows.length; i += per) blocks.push(rows.slice(i, i + per));
  const col = (lines: string[], i: number, bold: boolean) =>
    txt(
      {
        flex: opts.widths?.[i] ?? 1,
        paddingHorizontal: 3,
        fontSize: fs,
        lineHeight: 1.35,
        ...(bold ? { fontWeight: 'bold' } : { fontFamily: MONO }),
        ...(i > 0 ? { textAlign: 'right' } : {}),
      },
      lines.join('\n'),
    );
  const header = () =>
    h(
      pdf().View,
      { style: { flexDirection: 'row', borderBottom: `1pt solid ${COLOURS.ink}`, paddingVertical: 1.5 } },
      ...head.map((c, i) => col([c], i, true)),
    );
  return box(
    { marginBottom: 8 },
    ...(opts.caption ? [muted(opts.caption)] : []),
    ...blocks.map((b, j) =>
      h(
        pdf().View,
        { key: j, wrap: false, style: { marginBottom: 4 } },
        header(),
        h(
          pdf().View,
          {
            style: {
              flexDirection: 'row',
              paddingVertical: 1.5,
              borderBottom: `0.5pt solid ${COLOURS.rule}`,
            },
          },
          ...head.map((_, i) =>
            col(
              b.map((r) => r[i] ?? ''),
              i,
              false,
            ),
          ),
        ),
      ),
    ),
  );
}

const BANNER_LINE = 13;

function banner(lines: BannerLine[], edge: 'top' | 'bottom'): El {
  return h(
    pdf().View,
    { fixed: true, style: { position: 'absolute', left: 0, right: 0, [edge]: 0 } },
    ...lines.map((l, i) =>
      h(
        pdf().Text,
        {
          key: i,
          style: {
            backgroundColor: l.background,
            color: l.foreground,
            fontSize: 8.5,
            fontWeight: 'bold',
            textAlign: 'center',
            height: BANNER_LINE,
            paddingTop: 2,
          },
        },
        l.text,
      ),
    ),
  );
}

/** A report page: banners top and bottom, watermark and page numbers on every physical page it spans. */
export function framedPage(lines: BannerLine[], watermark: string, children: ReactNode[], key?: string): El {
  const band = Math.max(1, lines.length) * BANNER_LINE;
  return h(
    pdf().Page,
    {
      key,
      size: 'A4',
      wrap: true,
      style: {
        fontFamily: FONT,
        fontSize: 9,
        color: COLOURS.ink,
        paddingTop: band + 18,
        paddingBottom: band + 30,
        paddingHorizontal: 40,
      },
    },
    banner(lines, 'top'),
    ...children,
    h(
      pdf().View,
      {
        fixed: true,
        style: {
          position: 'absolute',
          left: 40,
          right: 40,
          bottom: band + 6,
          flexDirection: 'row',
          justifyContent: 'space-between',
        },
      },
      txt({ fontSize: 7, color: COLOURS.muted, maxWidth: 400 }, watermark),
      h(pdf().Text, {
        style: { fontSize: 7, color: COLOURS.muted },
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `page ${pageNumber} of ${totalPages}`,
      }),
    ),
    banner(lines, 'bottom'),
  );
}
