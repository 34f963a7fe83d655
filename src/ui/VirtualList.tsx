import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/**
 * A list that renders only the rows on screen, so a township's 15,000 people scroll smoothly
 * on a cheap phone. Rows have one fixed height.
 */
export function VirtualList<T>({ items, rowHeight, label, getKey, renderRow }: {
  items: readonly T[];
  rowHeight: number;
  label: string;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  return (
    <div ref={scrollRef} className="virtual-scroll" role="list" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtualRow) => {
          const item = items[virtualRow.index];
          if (item === undefined) return null;
          return (
            <div role="listitem" key={getKey(item)} className="virtual-row" style={{ transform: `translateY(${virtualRow.start}px)`, height: rowHeight }}>
              {renderRow(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
