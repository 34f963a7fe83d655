import { useId } from 'react';
import { columnLetter } from '../../import/sheet';
import type { SheetPreview } from './roster-import-client';

/** The first rows as the sheet has them, so the clerk sees the mapping is right; scrolls sideways. */
export function PreviewTable({ table }: { table: SheetPreview }) {
  const id = useId();
  const rows = table.preview;
  const width = Math.max(table.headers.length, ...rows.map((row) => row.cells.length));
  const columns = Array.from({ length: width }, (_, index) => index + 1);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>文件内容</h2>
      <p className="muted">
        工作表「{table.sheet}」第 {table.headerRow} 行为表头，共 {table.rowCount} 行数据；下面是前 {rows.length} 行。
      </p>
      <div className="table-scroll" role="region" aria-label={`前 ${rows.length} 行预览`} tabIndex={0}>
        <table className="preview">
          <thead>
            <tr>
              <th scope="col">行</th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  <span className="column-letter">{columnLetter(column)}</span> {table.headers[column - 1] ?? ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {columns.map((column) => (
                  <td key={column}>{cells[column - 1] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
