import type { ReactNode } from 'react';

/** What a page shows when there is nothing to list: a headline and what to do next. */
export function EmptyState({ title, children, icon = '○' }: { title: string; children?: ReactNode; icon?: string }) {
  return (
    <div className="empty">
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <h3>{title}</h3>
      {children && <div className="empty-text">{children}</div>}
    </div>
  );
}
