/** The classification banner (page high-water mark), shown at the top and bottom of every page. */
import type { PageLabel } from '@entente/contracts';
import { usePageLabel } from './pageLabelStore';

type Props = { position: 'top' | 'bottom'; label: PageLabel };

export function ClassificationBanner({ position, label }: Props) {
  return (
    <div
      className={`classification-banner classification-banner--${position}`}
      style={{ backgroundColor: label.colour, color: label.textColour }}
      role="note"
      aria-label={
        position === 'top' ? `Page classification: ${label.banner}` : 'Page classification (repeated)'
      }
      data-position={position}
    >
      {label.banner}
    </div>
  );
}

/** Both banners around the page content, reading the current page label. */
export function BannerFrame({ children }: { children: React.ReactNode }) {
  const label = usePageLabel();
  return (
    <div className="frame">
      <ClassificationBanner position="top" label={label} />
      {children}
      <ClassificationBanner position="bottom" label={label} />
    </div>
  );
}
