/** Tabs: one tab per `tabs[]` entry with its children; `defaultTab` opens first. */
import { Tabs as DsTabs } from '@digdir/designsystemet-react';
import { resolveText } from '../../../core/expressions';
import { ComponentView } from './ComponentView';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

interface TabConfig {
  readonly id: string;
  readonly title?: string;
  readonly children: readonly string[];
}

export function tabsOf(config: Readonly<Record<string, unknown>>): TabConfig[] {
  const tabs = Array.isArray(config.tabs) ? (config.tabs as unknown[]) : [];
  return tabs.flatMap((t, i) => {
    if (t === null || typeof t !== 'object') return [];
    const raw = t as Record<string, unknown>;
    const children = Array.isArray(raw.children) ? raw.children.filter((c): c is string => typeof c === 'string') : [];
    return [{ id: typeof raw.id === 'string' ? raw.id : `tab-${i}`, ...(typeof raw.title === 'string' ? { title: raw.title } : {}), children }];
  });
}

export function Tabs({ node }: ComponentProps) {
  const api = useNode(node);
  const tabs = tabsOf(node.config);
  if (tabs.length === 0) return null;
  const initial = typeof node.config.defaultTab === 'string' && tabs.some((t) => t.id === node.config.defaultTab) ? node.config.defaultTab : tabs[0]!.id;
  const size = node.config.size === 'small' ? 'sm' : node.config.size === 'large' ? 'lg' : 'md';
  return (
    <DsTabs className="rt-tabs" data-componentid={node.id} defaultValue={initial} data-size={size}>
      <DsTabs.List>
        {tabs.map((t) => (
          <DsTabs.Tab key={t.id} value={t.id}>
            {t.title ? resolveText(t.title, api.derived.env, node.location) : t.id}
          </DsTabs.Tab>
        ))}
      </DsTabs.List>
      {tabs.map((t) => (
        <DsTabs.Panel key={t.id} value={t.id}>
          {node.children
            .filter((c) => t.children.includes(c.baseId))
            .map((child) => (
              <ComponentView key={child.id} node={child} />
            ))}
        </DsTabs.Panel>
      ))}
    </DsTabs>
  );
}
