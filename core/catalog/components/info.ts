// Summaries, instance information and the process-task components (payment, signing; §5.6–5.7).
import { mapping } from '../shared';
import { anyOf, bool, caps, component, constant, list, obj, oneOf, str, text } from '../spec';

const targetTask = str({ description: 'Show it from an earlier task' });

const summary2Override = anyOf([
  obj({ pageId: str({ required: true }), hidden: bool({ default: false }) }),
  obj({
    componentId: str({ description: 'Override for this component' }),
    componentType: str({ description: 'Override for every component of this type' }),
    hidden: bool(),
    forceShow: bool(),
    emptyFieldText: str(),
    display: oneOf(['table', 'full']),
    displayType: oneOf(['list', 'string']),
    hideEmptyRows: bool(),
  }),
]);

const signingTexts = {
  title: text('Title'),
  description: text('Description'),
  help: text('Help text'),
  summaryTitle: text('Title in summaries'),
} as const;

const signingActionTextKeys = [
  'awaitingSignaturePanelTitle',
  'checkboxLabel',
  'checkboxDescription',
  'signingButton',
  'noActionRequiredPanelTitleHasSigned',
  'noActionRequiredPanelTitleNotSigned',
  'noActionRequiredPanelDescriptionHasSigned',
  'noActionRequiredPanelDescriptionNotSigned',
  'noActionRequiredButton',
  'awaitingOtherSignaturesPanelTitle',
  'awaitingOtherSignaturesPanelDescriptionNotSigning',
  'awaitingOtherSignaturesPanelDescriptionSigned',
  'submitPanelTitle',
  'submitPanelDescription',
  'submitButton',
  'errorPanelTitle',
  'errorPanelDescription',
  'rejectModalTitle',
  'rejectModalDescription',
  'rejectModalButton',
  'rejectModalCloseButton',
  'rejectModalTriggerButton',
] as const;

const signingActionTexts = Object.fromEntries(signingActionTextKeys.map((k) => [k, text(`Overrides the default "${k}" text`)])) as Record<
  (typeof signingActionTextKeys)[number],
  { readonly description: string }
>;

export const infoComponents = {
  AttachmentList: component({
    displayName: 'Attachment list',
    description: 'Lists the instance’s attachments (and generated PDFs) with download links.',
    category: 'info',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { title: text('Title above the list') },
    props: {
      dataTypeIds: list(str(), { description: 'Data types to list; also include-all, ref-data-as-pdf, from-task; empty = all' }),
      links: bool({ default: true, description: 'Make file names download links' }),
      groupByDataTypeGrouping: bool({ description: 'Group by dataTypes[].grouping' }),
      showDataTypeDescriptions: bool({ description: 'Show dataTypes[].description' }),
    },
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  InstanceInformation: component({
    displayName: 'Instance information',
    description: 'Date sent, sender, receiver and reference number of the instance.',
    category: 'info',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: true,
    summarizable: false,
    bindings: {},
    texts: {},
    props: {
      elements: obj({ dateSent: bool(), sender: bool(), receiver: bool(), referenceNumber: bool() }, { description: 'Rows to show' }),
    },
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  Summary: component({
    displayName: 'Summary (classic)',
    description: 'A read-only view of one component or group, with a change button (Summary v1).',
    category: 'info',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { returnToSummaryButtonTitle: text('Text of the "back to summary" button') },
    props: {
      componentRef: str({ required: true, description: 'Id of the component or group to summarise' }),
      largeGroup: bool({ description: 'Show a group as a large group' }),
      excludedChildren: list(str(), { description: 'Child ids left out' }),
      display: obj({
        hideChangeButton: bool(),
        hideValidationMessages: bool(),
        useComponentGrid: bool(),
        hideBottomBorder: bool(),
        nextButton: bool(),
      }),
    },
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  Summary2: component({
    displayName: 'Summary',
    description: 'A read-only view of the whole layout set, a page or a component, optionally from an earlier task.',
    category: 'info',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: {},
    props: {
      target: anyOf(
        [
          obj({ type: constant('layoutSet', { required: true }), taskId: targetTask }),
          obj({ type: constant('page', { required: true }), id: str({ required: true }), taskId: targetTask }),
          obj({ type: constant('component'), id: str({ required: true }), taskId: targetTask }),
        ],
        { default: { type: 'layoutSet' }, description: 'What to summarise' },
      ),
      showPageInAccordion: bool(),
      isCompact: bool(),
      hideEmptyFields: bool({ description: 'Leave out fields that are not filled in' }),
      overrides: list(summary2Override, { description: 'Per component, component type or page' }),
    },
    capabilities: caps('cards', 'tabs'),
  }),

  Payment: component({
    displayName: 'Payment',
    description: 'The payment step of a payment task: order lines and pay/confirm/reject.',
    category: 'process',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: true,
    bindings: {},
    texts: { title: text('Title'), description: text('Description'), help: text('Help text') },
    props: {},
    capabilities: caps(),
  }),

  PaymentDetails: component({
    displayName: 'Payment details',
    description: 'Shows the order lines of a coming payment in a data task.',
    category: 'process',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { title: text('Title'), description: text('Description'), help: text('Help text') },
    props: { mapping: { ...mapping, description: 'Data model path → parameter; the order is recalculated when they change' } },
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  SigneeList: component({
    displayName: 'Signee list',
    description: 'In a signing task: who must sign and who has signed.',
    category: 'process',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: signingTexts,
    props: {},
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  SigningDocumentList: component({
    displayName: 'Signing document list',
    description: 'In a signing task: the documents being signed.',
    category: 'process',
    runtimeCategory: 'Presentation',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: signingTexts,
    props: {},
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  SigningActions: component({
    displayName: 'Signing actions',
    description: 'In a signing task: the sign, submit and reject panels and buttons.',
    category: 'process',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: signingActionTexts,
    props: {},
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),
} as const;
