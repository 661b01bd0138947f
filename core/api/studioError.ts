import type { StudioErrorCode, StudioErrorData } from './types';

/** An error meant for the user: a code for programs and a message that says what happened and what to do. */
export class StudioError extends Error implements StudioErrorData {
  constructor(
    readonly code: StudioErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }

  /** The serialisable form sent over a transport. */
  toData(): StudioErrorData {
    return { code: this.code, message: this.message };
  }
}
