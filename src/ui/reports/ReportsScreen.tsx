import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { loadRemembered, saveRemembered } from '../../db/import-records';
import { formatLocalDate } from '../../domain/dates';
import type { AnalysisApi } from '../../../workers/client';
import { TextField } from '../fields';
import { useServices } from '../services';
import '../import/import.css';
import { saveDownload } from './save-download';

type ReportRequest = Parameters<AnalysisApi['reports']['build']>[0];
type ReportHeader = ReportRequest['header'];
type SummaryLevel = Extract<ReportRequest, { kind: 'summary' }>['by'];
type Filler = Omit<ReportHeader, 'reportDate'>;

const FILLER_KEY = 'reports.filler';
const LEVELS: readonly { value: SummaryLevel; label: string; noun: string }[] = [
  { value: '县', label: '按县', noun: '县（区）' },
  { value: '乡', label: '按乡镇', noun: '乡镇' },
  { value: '村', label: '按村', noun: '村' },
];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

function restoreFiller(stored: unknown): Filler {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string).slice(0, 60) : '');
  return { unit: text('unit'), filler: text('filler'), phone: text('phone') };
}

const ROW_NOUNS: Record<ReportRequest['kind'], string> = { ledger: '人', summary: '个分组', monthly: '个月' };

/**
 * 报表: the official workbooks built in the analysis worker from every record on the phone and
 * saved as .xlsx. The 填报 line is remembered for next time.
 */
export function ReportsScreen() {
  const { db, analysis } = useServices();
  const id = useId();
  const today = formatLocalDate(new Date());
  const [filler, setFiller] = useState<Filler | null>(null);
  const [reportDate, setReportDate] = useState(today);
  const [level, setLevel] = useState<SummaryLevel>('村');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const [busy, setBusy] = useState<ReportRequest['kind'] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // Open until the 填报 line is filled once; after that it is a one-line summary.
  const [filingOpen, setFilingOpen] = useState(false);

  useEffect(() => {
    void loadRemembered(db, FILLER_KEY, restoreFiller).then((remembered) => {
      setFiller(remembered);
      setFilingOpen(!remembered.unit);
    });
  }, [db]);

  if (!filler) return <p aria-busy="true">正在打开…</p>;

  const updateFiller = (key: keyof Filler) => (value: string) => {
    const next = { ...filler, [key]: value };
    setFiller(next);
    void saveRemembered(db, FILLER_KEY, next);
  };

  async function build(request: ReportRequest) {
    setBusy(request.kind);
    setMessage(null);
    try {
      const file = await analysis.reports.build(request);
      saveDownload(file.fileName, file.bytes);
      setMessage({ text: `已生成「${file.fileName}」（${file.rows} ${ROW_NOUNS[request.kind]}），请在下载中查看`, error: false });
    } catch (error) {
      console.error('report failed', error);
      setMessage({ text: '生成报表失败，请重试；本机数据未改动', error: true });
    } finally {
      setBusy(null);
    }
  }

  const header: ReportHeader = { ...filler, reportDate: /^\d{4}-\d{2}-\d{2}$/.test(reportDate) ? reportDate : today };
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const button = (kind: ReportRequest['kind'], label: string, request: () => ReportRequest) => (
    <button type="button" className="button primary wide" disabled={busy !== null} aria-busy={busy === kind} onClick={() => void build(request())}>
      {busy === kind ? '正在生成…' : label}
    </button>
  );

  return (
    <section aria-labelledby="reports-title" className="screen reports-screen">
      <p className="breadcrumb">
        <Link href="/settings">设置</Link> ›
      </p>
      <h1 id="reports-title">报表</h1>
      <p className="muted">由本机全部记录生成 Excel 文件（.xlsx），版式同官方表格。</p>
      <details className="card filing" open={filingOpen} onToggle={(event) => setFilingOpen(event.currentTarget.open)}>
        <summary>
          <span className="filing-title">填报信息{filingOpen ? '' : <span className="filing-edit">修改</span>}</span>
          <span className="muted">{[filler.unit || '未填填报单位', filler.filler, header.reportDate].filter(Boolean).join(' · ')}</span>
        </summary>
        <p className="muted">填在表头「填报单位、填报人、联系电话、填报时间」处，下次自动带出。</p>
        <TextField label="填报单位" value={filler.unit} onChange={updateFiller('unit')} />
        <TextField label="填报人" value={filler.filler} onChange={updateFiller('filler')} />
        <TextField label="联系电话" value={filler.phone} onChange={updateFiller('phone')} inputMode="tel" type="tel" />
        <TextField label="填报时间" value={reportDate} onChange={setReportDate} type="date" hint="服务次数、年龄按此日计算" />
      </details>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'banner error' : 'banner info-inline'}>
          {message.text}
        </p>
      ) : null}

      <section className="card" aria-labelledby={`${id}-ledger`}>
        <h2 id={`${id}-ledger`}>明细表（附件2-1）</h2>
        <p className="muted">本机每位劳动力一行，按县、乡、村排序。</p>
        {button('ledger', '导出明细表', () => ({ kind: 'ledger', header }))}
      </section>

      <section className="card" aria-labelledby={`${id}-summary`}>
        <h2 id={`${id}-summary`}>汇总表（附件2-2）</h2>
        <fieldset className="choice">
          <legend>汇总到</legend>
          <div className="options">
            {LEVELS.map((option) => (
              <label key={option.value} className="option">
                <input type="radio" name={`${id}-level`} checked={level === option.value} onChange={() => setLevel(option.value)} />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="muted">第一行为合计，其下每个{LEVELS.find((option) => option.value === level)?.noun}一行。</p>
        {button('summary', '导出汇总表', () => ({ kind: 'summary', header, by: level }))}
      </section>

      <section className="card" aria-labelledby={`${id}-monthly`}>
        <h2 id={`${id}-monthly`}>月报表（附件1）</h2>
        <div className="month-fields">
          <div className="field">
            <label htmlFor={`${id}-year`}>年份</label>
            <select id={`${id}-year`} value={year} onChange={(event) => setYear(Number(event.target.value))}>
              {years.map((option) => (
                <option key={option} value={option}>
                  {option}年
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-month`}>月份</label>
            <select id={`${id}-month`} value={month} onChange={(event) => setMonth(Number(event.target.value))}>
              {MONTHS.map((option) => (
                <option key={option} value={option}>
                  {option}月
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted">列出 {year} 年 1 月至 {month} 月每月一行，末行为累计。</p>
        {button('monthly', '导出月报表', () => ({ kind: 'monthly', header, year, month }))}
      </section>
    </section>
  );
}
