/** Minimal DOM test helpers for react-dom/client + act (no testing-library). */
import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Mounted = { container: HTMLElement; root: Root; unmount: () => void };

export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** The control labelled `text` (via `<label for>`), like getByLabel. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(container: HTMLElement, text: string): T {
  const label = [...container.querySelectorAll('label')].find(
    (l) => l.textContent?.replace('*', '').trim() === text,
  );
  const id = label?.getAttribute('for');
  const el = id ? (container.querySelector(`#${CSS.escape(id)}`) as T | null) : null;
  if (!el) throw new Error(`no control labelled "${text}"`);
  return el;
}

export function byRole(container: HTMLElement, role: 'button', name: string): HTMLButtonElement {
  const el = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!el) throw new Error(`no button "${name}"`);
  return el;
}

/** Type into a React-controlled input or textarea. */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Choose options of a (multi-)select. */
export async function choose(el: HTMLSelectElement, ...values: string[]): Promise<void> {
  await act(async () => {
    for (const o of el.options) o.selected = values.includes(o.value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}
