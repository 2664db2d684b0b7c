import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  error?: string;
  hideLabel?: boolean;
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, one control and its error, announced and tied to the control (aria-describedby). */
function Field({ label, error, hideLabel, id, control }: FieldProps & { id?: string; control: (props: ControlProps) => ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</label>
      {control({ id: inputId, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && <p id={errorId} className="field__error" role="alert">{error}</p>}
    </div>
  );
}

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function TextField({ label, error, hideLabel, id, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hideLabel={hideLabel} id={id}
    control={(props) => <input className="field__input" {...props} {...rest} />} />;
}

export function TextArea({ label, error, hideLabel, id, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} error={error} hideLabel={hideLabel} id={id}
    control={(props) => <textarea className="field__input field__input--area" {...props} {...rest} />} />;
}
