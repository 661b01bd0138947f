// Buttons, links and page navigation (§2.6, §2.14 steps 6–7).
import { buttonProps, mapping, pageValidation, queryParameters } from '../shared';
import { anyOf, bool, caps, component, constant, list, obj, oneOf, str, text } from '../spec';

const title = { title: text('Button text') } as const;
const buttonTable = caps('table', 'buttonGroup', 'accordion', 'cards', 'tabs');

const actionValidation = { validation: pageValidation } as const;
const customAction = anyOf([
  obj({
    type: constant('ClientAction', { required: true }),
    id: oneOf(['nextPage', 'previousPage', 'navigateToPage', 'closeSubform'], { required: true }),
    metadata: obj({ page: str({ description: 'Page for navigateToPage' }) }),
    ...actionValidation,
  }),
  obj({
    type: constant('ServerAction', { required: true }),
    id: str({ required: true, description: 'Id of a C# IUserAction declared on the task' }),
    ...actionValidation,
  }),
]);

export const buttonComponents = {
  Button: component({
    displayName: 'Button',
    description: 'Submits the task (process/next), saves, or creates an instance.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: title,
    props: {
      mode: oneOf(['submit', 'save', 'go-to-task', 'instantiate'], { default: 'submit' }),
      taskId: str({ description: 'Task to go to (mode go-to-task)' }),
      mapping,
      ...buttonProps,
    },
    capabilities: buttonTable,
  }),

  NavigationButtons: component({
    displayName: 'Navigation buttons',
    description: 'Next and back buttons between pages.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { next: text('"Next" text'), back: text('"Back" text'), backToPage: text('"Back to summary" text') },
    props: {
      showBackButton: bool({ default: false }),
      validateOnNext: pageValidation,
      validateOnPrevious: pageValidation,
    },
    capabilities: caps('buttonGroup', 'tabs'),
    v9: { defaults: { showBackButton: true } },
  }),

  NavigationBar: component({
    displayName: 'Page navigation bar',
    description: 'A bar with one tab per page.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: {},
    props: {
      compact: bool({ description: 'Collapse into a menu' }),
      validateOnForward: pageValidation,
      validateOnBackward: pageValidation,
    },
    capabilities: caps('tabs'),
  }),

  CustomButton: component({
    displayName: 'Custom button',
    description: 'Runs client actions (page navigation, close subform) and server actions (C# IUserAction).',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { ...title, tableTitle: text('Column title in tables') },
    props: {
      actions: list(customAction, { required: true, description: 'Run in order' }),
      buttonStyle: oneOf(['primary', 'secondary', 'tertiary']),
      buttonColor: oneOf(['first', 'second', 'success', 'danger']),
      buttonSize: oneOf(['sm', 'md', 'lg', 'small', 'medium', 'large']),
    },
    capabilities: buttonTable,
  }),

  ActionButton: component({
    displayName: 'Process action button',
    description: 'Performs a process action of the current task (confirm, sign, reject, instantiate).',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { title: text('Button text (default: actions.<action>)') },
    props: {
      action: oneOf(['instantiate', 'confirm', 'sign', 'reject'], { required: true }),
      buttonStyle: oneOf(['primary', 'secondary'], { required: true }),
    },
    capabilities: buttonTable,
  }),

  InstantiationButton: component({
    displayName: 'Start instance button',
    description: 'On a stateless page: creates an instance, copying values into its prefill.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: title,
    props: { mapping: { ...mapping, description: 'Stateless path → instance data path' }, queryParameters },
    capabilities: buttonTable,
  }),

  PrintButton: component({
    displayName: 'Print button',
    description: 'Opens the browser’s print dialog.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: title,
    props: {},
    capabilities: buttonTable,
  }),

  PDFPreviewButton: component({
    displayName: 'PDF preview button',
    description: 'Opens a preview of the PDF the task will produce.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: title,
    props: { buttonStyle: oneOf(['primary', 'secondary'], { required: true }) },
    capabilities: buttonTable,
  }),

  Link: component({
    displayName: 'Link',
    description: 'A link styled as a link or a button.',
    category: 'button',
    runtimeCategory: 'Action',
    form: false,
    labeled: false,
    summarizable: false,
    bindings: {},
    texts: { title: text('Link text'), target: text('URL (or a text key holding it)'), download: text('File name to download as') },
    props: {
      style: oneOf(['primary', 'secondary', 'link'], { required: true }),
      openInNewTab: bool(),
      ...buttonProps,
    },
    capabilities: caps('table', 'accordion', 'cards', 'tabs'),
  }),
} as const;
