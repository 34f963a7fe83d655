import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/** The rows in hand, or, for a list fetched a page at a time, how many there are and those fetched so far. */
type Rows<T> =
  | { items: readonly T[] }
  | {
      count: number;
      /** The row, or undefined while its page is on its way (a placeholder shows). */
      itemAt: (index: number) => T | undefined;
      /** Called with the rows on screen (start inclusive, end exclusive) whenever they change. */
      onRangeChange: (start: number, end: number) => void;
    };

/**
 * A list that renders only the rows on screen, so a township's 15,000 people scroll smoothly
 * on a cheap phone. Rows have one fixed height.
 */
export function VirtualList<T>(props: Rows<T> & {
  rowHeight: number;
  label: string;
  /** Added to the scrolling box's class. */
  className?: string;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
}) {
  const { rowHeight, label, className, getKey, renderRow } = props;
  const count = 'items' in props ? props.items.length : props.count;
  const itemAt = 'items' in props ? (index: number) => props.items[index] : props.itemAt;
  const onRangeChange = 'items' in props ? undefined : props.onRangeChange;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  const virtualRows = virtualizer.getVirtualItems();
  const start = virtualRows[0]?.index ?? 0;
  const end = (virtualRows.at(-1)?.index ?? -1) + 1;
  useEffect(() => {
    if (end > start) onRangeChange?.(start, end);
  }, [start, end, onRangeChange]);
  return (
    <div ref={scrollRef} className={className ? `virtual-scroll ${className}` : 'virtual-scroll'} role="list" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualRows.map((virtualRow) => {
          const item = itemAt(virtualRow.index);
          const style = { transform: `translateY(${virtualRow.start}px)`, height: rowHeight };
          return item === undefined ? (
            <div role="listitem" key={`pending-${virtualRow.index}`} className="virtual-row" style={style} aria-busy="true">
              <span className="list-item muted">正在读取…</span>
            </div>
          ) : (
            <div role="listitem" key={getKey(item)} className="virtual-row" style={style}>
              {renderRow(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
