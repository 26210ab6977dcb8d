import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../lib/schema/card';
import type { FieldError } from '../../../lib/validation';

/** What each part of the card editor is given: the draft, how to change it, and its messages. */
export interface CardPartProps {
  draft: Card;
  update: (patch: Partial<Card>) => void;
  err: (path: string) => FieldError | undefined;
  /** The languages a text is written in, the first (`language`) the one required. */
  languages: string[];
  language: string;
}

/** The message for one field, in the interface language, from the zod issue behind it. */
export function ErrorText({ error, id }: { error: FieldError | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {t(`validation.${error.code}`, { ...error.params, defaultValue: error.message })}
    </span>
  );
}

/** A labelled control with its validation message wired up through aria-describedby. */
export function Field({
  label,
  error,
  children,
  hint,
  id: fixedId,
}: {
  label: ReactNode;
  error?: FieldError;
  hint?: ReactNode;
  /** A stable id for the control (a link or a test names it); the label is tied to it either way. */
  id?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const madeId = useId();
  const id = fixedId ?? madeId;
  const errId = `${id}-err`;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': errId } : {}) })}
      {hint && <span className="hint">{hint}</span>}
      <ErrorText error={error} id={errId} />
    </div>
  );
}

const parseNumber = (text: string): number | undefined => {
  const s = text.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * A number typed as text: it keeps "12." or "abc" on screen while the stored value is the
 * parsed number (NaN when it is not one, so the schema's message says so).
 */
export function NumberInput({
  value,
  onChange,
  ...rest
}: { value: number | null | undefined; onChange: (v: number | undefined) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const show = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '' : String(v));
  const [text, setText] = useState(show(value));
  // A value changed from outside (not by typing here) replaces the text; React's way to adjust
  // state to a prop is during render, comparing with the value last seen.
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    const parsed = parseNumber(text);
    if (!(parsed === value || (Number.isNaN(parsed) && Number.isNaN(value)) || (parsed === undefined && (value === null || value === undefined)))) setText(show(value));
  }
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseNumber(e.target.value));
      }}
    />
  );
}

export { parseNumber };
