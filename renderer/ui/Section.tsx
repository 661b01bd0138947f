import { useId, type ReactNode } from 'react';

export interface SectionProps {
  readonly title: string;
  /** A count or status beside the title. */
  readonly meta?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A titled panel; as a labelled region it is a landmark screen readers can jump to. */
export function Section({ title, meta, children, className }: SectionProps) {
  const id = useId();
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <header className="card-header">
        <h2 id={id} className="card-title">
          {title}
        </h2>
        {meta !== undefined ? <span className="card-meta">{meta}</span> : null}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}
