import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { StorageStatus } from '../../lib/safety/storage-trend';
import type { SafetyStatus } from '../../lib/contracts/safety';
import { RecoveryNotice } from '../common/RecoveryNotice';
import { useHost, useSidebar } from './context';

/** A reading every minute while the sidebar is open (before Go live and through the show)… */
export const CHECK_EVERY_MS = 60_000;
/** …and after marks, at most this often: a show's own writes and a failed mark are news. */
export const CHECK_AFTER_MARK_MS = 30_000;
/** The first reading waits until the sidebar is on screen and settled (bench: sidebar cold open). */
export const FIRST_CHECK_AFTER_MS = 1_500;

/**
 * Issue 22 in the sidebar: warns the host in plain words when the disk is filling up, never
 * blocking the show, and says what a recovery from the journal restored.
 */
export function SafetyNotices() {
  const { t, i18n } = useTranslation();
  const safety = useHost().safety;
  const marks = useSidebar((s) => s.marks);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [status, setStatus] = useState<SafetyStatus | null>(null);
  const last = useRef(0);

  const check = useCallback(() => {
    if (!safety) return;
    last.current = Date.now();
    safety.storage().then(setStorage, () => undefined);
  }, [safety]);

  useEffect(() => {
    if (!safety) return;
    const first = setTimeout(() => {
      check();
      safety.status().then(setStatus, () => undefined);
    }, FIRST_CHECK_AFTER_MS);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [safety, check]);

  useEffect(() => {
    const states = Object.values(marks);
    if (states.length === 0) return;
    const failed = states.some((m) => m.state === 'failed');
    if (failed || Date.now() - last.current >= CHECK_AFTER_MARK_MS) check();
  }, [marks, check]);

  if (!safety) return null;
  const warn = storage && storage.level !== 'ok';
  return (
    <>
      {status?.recovery && (
        <RecoveryNotice
          report={status.recovery}
          onDismiss={() => void safety.dismiss().then(() => setStatus({ ...status, recovery: null }))}
        />
      )}
      {warn && (
        <p role={storage.level === 'critical' ? 'alert' : 'status'} className={`disk-warning ${storage.level}`}>
          {t(storage.level === 'critical' ? 'safety.diskCritical' : 'safety.diskLow')}{' '}
          {!storage.diskShort && t('safety.diskLeft', { mb: formatNumber(storage.free / 1_048_576, i18n.language, 0) })}
          {storage.minutesLeft !== undefined && <> {t('safety.diskPace', { minutes: formatNumber(storage.minutesLeft, i18n.language, 0) })}</>}
        </p>
      )}
    </>
  );
}
