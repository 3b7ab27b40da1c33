import type { ValidationError } from "../../contract";

/** A request problem tied to one field; rendered as BFL's 422 `{detail:[{loc,msg,type}]}`. */
export class FieldError extends Error {
  constructor(
    readonly loc: (string | number)[],
    message: string,
    readonly type = "value_error",
  ) {
    super(message);
  }

  toBody(): ValidationError {
    return { detail: [{ loc: this.loc, msg: this.message, type: this.type }] };
  }
}
