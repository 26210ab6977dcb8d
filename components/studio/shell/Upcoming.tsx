import { useTranslation } from 'react-i18next';

/** A section whose work is still to come: says what it will hold, so no route shows nothing. */
export function Upcoming({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${section}-title`} className="upcoming">
      <h2 id={`${section}-title`}>{t(`nav.${section}`)}</h2>
      <p>{t(`nav.upcoming.${section}`)}</p>
    </section>
  );
}
