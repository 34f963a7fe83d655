import { Link } from 'wouter';

/** The office's Excel tools, reachable from the home screen and from 设置. */
export function OfficeToolLinks() {
  return (
    <div className="actions">
      <Link href="/import" className="button">
        导入花名册
      </Link>
      <Link href="/reports" className="button">
        报表
      </Link>
    </div>
  );
}
