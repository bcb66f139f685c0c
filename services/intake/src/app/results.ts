/** One bad field of the input: where it is and why it is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** The input cannot be used as it is: every bad field with its reason. */
export interface Invalid {
  kind: 'invalid';
  errors: FieldError[];
}

/** The caller may not do this; `detail` says why. */
export interface Forbidden {
  kind: 'forbidden';
  detail: string;
}

export const invalid = (errors: FieldError[]): Invalid => ({ kind: 'invalid', errors });
export const forbidden = (detail: string): Forbidden => ({ kind: 'forbidden', detail });
