import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  error?: string;
  hideLabel?: boolean;
}

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function TextField({ label, error, hideLabel, id, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</label>
      <input id={inputId} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...rest} />
      {error && <p id={errorId} className="field__error" role="alert">{error}</p>}
    </div>
  );
}

export function TextArea({ label, error, hideLabel, id, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</label>
      <textarea id={inputId} className="field__input field__input--area" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...rest} />
      {error && <p id={errorId} className="field__error" role="alert">{error}</p>}
    </div>
  );
}
