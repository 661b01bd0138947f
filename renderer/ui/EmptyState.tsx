import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export interface EmptyStateProps {
  readonly icon: IconName;
  readonly title: string;
  readonly children?: ReactNode;
  readonly note?: string;
}

/** A calm placeholder for an area with nothing to show yet. */
export function EmptyState({ icon, title, children, note }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 className="empty-state-title">{title}</h2>
      {children ? <p className="empty-state-text">{children}</p> : null}
      {note ? <p className="empty-state-note">{note}</p> : null}
    </div>
  );
}
