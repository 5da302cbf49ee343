/** The one error shape every Guild endpoint answers with. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown;
    /** Present on 500s: the id under which the failure was logged. */
    errorId?: string;
  };
}

/** One entry of `details` on VALIDATION_FAILED: which field, and everything wrong with it. */
export interface FieldError {
  field: string;
  messages: string[];
}
