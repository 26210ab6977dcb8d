import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../lib/messaging/client';
import { DEFAULT_GRACE_MS } from '../../../lib/returns/match';
import { graceFromMinutes } from './format';
import { OrderLookup } from './OrderLookup';
import { loadCharts, ReturnsAnalysis } from './ReturnsAnalysis';
import './returns.css';

/**
 * The studio's Returns section (issue 17): order lookup with evidence packs, and the analysis.
 * The grace window (how long after a show its orders still count) applies to both. The analysis
 * (and its charts' code) loads when opened.
 */
export function ReturnsArea({
  call,
  revision,
  decks,
  behind = false,
  onRefresh,
}: {
  call: Client;
  revision: number;
  decks: { id: string; name: string }[];
  /** A disclosure was recorded since the analysis was read (./ReturnsSection.tsx). */
  behind?: boolean;
  onRefresh?: () => void;
}) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState(String(DEFAULT_GRACE_MS / 60_000));
  const graceMs = graceFromMinutes(grace);
  const [analysisOpen, setAnalysisOpen] = useState(false);
  // The charts' code is on its way before the analysis is opened (a failure shows when it is).
  useEffect(() => void loadCharts().catch(() => undefined), []);
  return (
    <section className="returns-area" aria-labelledby="returns-title">
      <h2 id="returns-title" className="no-print">
        {t('returnsLoop.title')}
      </h2>
      <p className="no-print">
        <label>
          {t('returnsLoop.grace')}{' '}
          <input type="number" min={0} max={1440} step={1} value={grace} onChange={(e) => setGrace(e.target.value)} aria-describedby="grace-hint" className="narrow" />
        </label>{' '}
        <span id="grace-hint" className="muted">
          {t('returnsLoop.graceHint')}
        </span>
      </p>
      <OrderLookup call={call} graceMs={graceMs} />
      {/* The analysis reads the whole log and every order: only while it is open, and again when what it joins changes. */}
      <details className="returns-analysis-box no-print" onToggle={(e) => setAnalysisOpen(e.currentTarget.open)}>
        <summary>{t('returnsLoop.analysisTitle')}</summary>
        {analysisOpen && <ReturnsAnalysis call={call} graceMs={graceMs} decks={decks} revision={revision} behind={behind} onRefresh={onRefresh} />}
      </details>
    </section>
  );
}
