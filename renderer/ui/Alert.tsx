import type { ReactNode } from 'react';
import { Icon } from './Icon';

export interface AlertProps {
  readonly tone?: 'error' | 'warning' | 'info';
  readonly children: ReactNode;
  /** Something to do about it, e.g. a Retry button. */
  readonly action?: ReactNode;
}

/** A message block; errors are announced to screen readers as they appear. */
export function Alert({ tone = 'error', children, action }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'info' ? 'check' : tone === 'warning' ? 'warning' : 'error'} />
      <div className="alert-body">{children}</div>
      {action ? <div className="alert-action">{action}</div> : null}
    </div>
  );
}
