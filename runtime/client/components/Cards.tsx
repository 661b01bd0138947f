/** Cards: a grid of cards, each with title, description, media, children and footer. */
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { resolveText } from '../../../core/expressions';
import { ComponentView } from './ComponentView';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

interface CardConfig {
  readonly title?: string;
  readonly description?: string;
  readonly footer?: string;
  readonly media?: string;
  readonly children: readonly string[];
}

function cardsOf(config: Readonly<Record<string, unknown>>): CardConfig[] {
  const cards = Array.isArray(config.cards) ? (config.cards as unknown[]) : [];
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return cards.flatMap((c) => {
    if (c === null || typeof c !== 'object') return [];
    const raw = c as Record<string, unknown>;
    const children = Array.isArray(raw.children) ? raw.children.filter((x): x is string => typeof x === 'string') : [];
    const card = { title: str(raw.title), description: str(raw.description), footer: str(raw.footer), media: str(raw.media), children };
    return [Object.fromEntries(Object.entries(card).filter(([, v]) => v !== undefined)) as unknown as CardConfig];
  });
}

export function Cards({ node }: ComponentProps) {
  const { derived } = useNode(node);
  const text = (key: string | undefined) => (key ? resolveText(key, derived.env, node.location) : undefined);
  const minWidth = typeof node.config.minWidth === 'string' ? node.config.minWidth : '250px';
  const color = node.config.color === 'subtle' ? 'subtle' : 'neutral';
  const mediaFirst = node.config.mediaPosition !== 'bottom';
  return (
    <div className="rt-cards" data-componentid={node.id} style={{ display: 'grid', gap: 'var(--ds-size-4, 1rem)', gridTemplateColumns: `repeat(auto-fit, minmax(${minWidth}, 1fr))` }}>
      {cardsOf(node.config).map((card, i) => {
        const media = card.media ? node.children.find((c) => c.baseId === card.media) : undefined;
        const mediaView = media && <ComponentView node={media} />;
        return (
          <Card key={i} data-color={color} variant={color === 'subtle' ? 'tinted' : 'default'}>
            {mediaFirst && mediaView}
            {card.title && <Heading level={3} data-size="xs">{text(card.title)}</Heading>}
            {card.description && (
              <Paragraph asChild>
                <div>
                  <RichText text={text(card.description)} />
                </div>
              </Paragraph>
            )}
            {node.children
              .filter((c) => card.children.includes(c.baseId) && c.baseId !== card.media)
              .map((child) => (
                <ComponentView key={child.id} node={child} />
              ))}
            {!mediaFirst && mediaView}
            {card.footer && <Paragraph data-size="sm">{text(card.footer)}</Paragraph>}
          </Card>
        );
      })}
    </div>
  );
}
