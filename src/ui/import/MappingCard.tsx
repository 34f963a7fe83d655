import { useId, useState } from 'react';
import { availableGroupings, GROUPING_LABELS, ROSTER_FIELDS, type Grouping, type RosterField, type RosterMapping } from '../../import/roster-fields';
import { describeColumn } from '../../import/roster-table';

interface MappingCardProps {
  headers: readonly string[];
  mapping: RosterMapping;
  grouping: Grouping;
  onMappingChange: (mapping: RosterMapping) => void;
  onGroupingChange: (grouping: Grouping) => void;
}

const isRequired = (field: RosterField) => 'required' in field && field.required;

/**
 * 列对应: which column fills each field, guessed from the header and remembered. Fields with no
 * column when the sheet was opened wait behind 「其他字段」 so the list stays short on a phone.
 */
export function MappingCard({ headers, mapping, grouping, onMappingChange, onGroupingChange }: MappingCardProps) {
  const id = useId();
  // Fixed when the sheet opens (the parent keys this card by sheet), so a field does not jump away once chosen.
  const [folded] = useState(() => new Set(ROSTER_FIELDS.filter((field) => !isRequired(field) && mapping[field.key] === undefined).map((field) => field.key)));
  const shown = ROSTER_FIELDS.filter((field) => !folded.has(field.key));
  const hidden = ROSTER_FIELDS.filter((field) => folded.has(field.key));
  const groupings = availableGroupings(mapping);

  const select = (field: RosterField) => (
    <div className="field mapping-field" key={field.key}>
      <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
      <select
        id={`${id}-${field.key}`}
        value={mapping[field.key] ?? ''}
        onChange={(event) => {
          const column = event.target.value === '' ? undefined : Number(event.target.value);
          onMappingChange(Object.fromEntries(Object.entries({ ...mapping, [field.key]: column }).filter(([, value]) => value !== undefined)));
        }}
      >
        <option value="">（不导入）</option>
        {headers.map((_, index) => (
          <option key={index} value={index + 1}>
            {describeColumn(headers, index + 1)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>列对应</h2>
      <p className="muted">已按表头猜好每个字段在哪一列，并记住您的选择，下次导入同样表头的文件时自动套用。姓名、身份证号必须指定；空白单元格不会清除手机上已有的内容。</p>
      <div className="mapping-grid">{shown.map(select)}</div>
      {hidden.length > 0 ? (
        <details className="more-fields">
          <summary>其他字段（{hidden.length} 个，文件中未找到）</summary>
          <div className="mapping-grid">{hidden.map(select)}</div>
        </details>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-grouping`}>分户方式</label>
        <select id={`${id}-grouping`} value={grouping} aria-describedby={`${id}-grouping-note`} onChange={(event) => onGroupingChange(event.target.value as Grouping)}>
          {groupings.map((option) => (
            <option key={option} value={option}>
              {GROUPING_LABELS[option]}
            </option>
          ))}
        </select>
        <p id={`${id}-grouping-note`} className={grouping === 'row' ? 'field-warning' : 'field-hint'}>
          {grouping === 'row'
            ? '未指定户编号、户主身份证号或户主姓名列：每行将作为单独一户导入。如文件中有这些列，请在上面指定。'
            : '同一户的成员会导入到同一户；手机上已有的人员按身份证号找到其所在户。'}
        </p>
      </div>
    </section>
  );
}
