import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../lib/import/types';

/** An issue's text: the order import's own codes (`orders.…`), else the product import's. */
export function orderIssueKey(code: string): string {
  return code.startsWith('orders.') ? `orders.issue.${code.slice('orders.'.length)}` : `import.issue.${code}`;
}

/** "Row 4, column Quantity: “two” must be a number above 0." */
export function OrderIssueText({ issue }: { issue: ImportIssue }) {
  const { t } = useTranslation();
  const where = [issue.row !== undefined ? t('import.row', { row: issue.row }) : '', issue.field ? t('import.field', { field: issue.field }) : ''].filter(Boolean).join(', ');
  return (
    <>
      {where && <strong>{where}: </strong>}
      {t(orderIssueKey(issue.code), { ...(issue.params ?? {}), defaultValue: issue.code })}
    </>
  );
}

const SHOWN = 200;

/** Every issue of a refused file, the first 200 listed. */
export function OrderIssueList({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="import-report error-panel">
      <p>{t('orders.refused', { count: issues.length })}</p>
      <ul>
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i}>
            <OrderIssueText issue={issue} />
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && <p>{t('import.moreIssues', { count: issues.length - SHOWN })}</p>}
    </div>
  );
}
