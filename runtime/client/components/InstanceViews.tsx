/**
 * AttachmentList and InstanceInformation: what the preview knows about the instance. Attachments
 * are the ones chosen in this preview (the runtime stores none); instance facts come from the
 * instance the form app created (stateless forms have none).
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { appLocationOf } from '../api/appApi';
import { useAttachments } from './attachments';
import { fileSize, previewNotices, uiText } from './componentTexts';
import type { ComponentProps } from './registry';
import { localeOf } from './numberFormat';
import { useNode } from './useNode';

export function AttachmentList({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const ids = Array.isArray(node.config.dataTypeIds) ? node.config.dataTypeIds.filter((d): d is string => typeof d === 'string') : [];
  const specific = ids.filter((d) => !['include-all', 'ref-data-as-pdf', 'from-task'].includes(d));
  const files = useAttachments(specific.length > 0 ? { dataTypes: specific } : undefined);
  return (
    <section data-componentid={node.id} className="rt-field">
      <Heading level={3} data-size="xs">
        {api.text('title') ?? uiText(env, 'attachment_list.title')}
      </Heading>
      {files.length === 0 ? (
        <Paragraph data-size="sm">{uiText(env, 'attachment_list.empty')}</Paragraph>
      ) : (
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              {f.name} ({fileSize(f.size)})
            </li>
          ))}
        </ul>
      )}
      <Paragraph data-size="xs">{previewNotices.attachments}</Paragraph>
    </section>
  );
}

type Element = 'dateSent' | 'sender' | 'receiver' | 'referenceNumber';
const order: Element[] = ['dateSent', 'sender', 'receiver', 'referenceNumber'];
const keys: Record<Element, string> = {
  dateSent: 'instance_information.date_sent',
  sender: 'instance_information.sender',
  receiver: 'instance_information.receiver',
  referenceNumber: 'instance_information.reference_number',
};

export function InstanceInformation({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const instance = env.instance;
  const wanted = (node.config.elements ?? {}) as Partial<Record<Element, unknown>>;
  if (!instance?.id) {
    return (
      <Paragraph data-componentid={node.id} data-size="sm">
        {uiText(env, 'instance_information.none')}
      </Paragraph>
    );
  }
  const guid = instance.id.split('/').pop() ?? '';
  const values: Record<Element, string> = {
    dateSent: new Intl.DateTimeFormat(localeOf(env.language), { dateStyle: 'short' }).format(new Date()),
    sender: instance.instanceOwnerPartyId ?? instance.instanceOwner?.partyId ?? '',
    receiver: appLocationOf(window.location.pathname)?.org ?? '',
    referenceNumber: guid.split('-').pop() ?? guid,
  };
  return (
    <dl data-componentid={node.id} className="rt-field" style={{ margin: 0 }}>
      {order
        .filter((e) => wanted[e] !== false)
        .map((e) => (
          <div key={e}>
            <dt style={{ fontWeight: 600 }}>{uiText(env, keys[e])}</dt>
            <dd style={{ margin: 0 }}>{values[e]}</dd>
          </div>
        ))}
    </dl>
  );
}
