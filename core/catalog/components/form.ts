// Text, date and address fields (§2.6).
import { autocompleteValues, formatting, labelSettings, saveWhileTyping } from '../shared';
import { bool, caps, component, constant, expr, int, oneOf, requiredBinding, optionalBinding, str, text } from '../spec';

const simpleBinding = { simpleBinding: requiredBinding('scalar', 'Where the value is stored') } as const;
const dateKeyword = "ISO date, 'today', 'yesterday', 'tomorrow', 'oneYearAgo' or 'oneYearFromNow'";

export const formComponents = {
  Input: component({
    displayName: 'Short answer',
    description: 'A one-line text field, optionally formatted as a number, currency or pattern.',
    category: 'form',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    bindings: simpleBinding,
    texts: { prefix: text('Shown before the field'), suffix: text('Shown after the field') },
    props: {
      saveWhileTyping,
      formatting,
      variant: oneOf(['text', 'search'], { default: 'text' }),
      autocomplete: autocompleteValues,
      maxLength: int({ minimum: 0, description: 'Maximum length; shows a counter' }),
    },
    capabilities: caps('table', 'accordion', 'cards', 'tabs'),
  }),

  TextArea: component({
    displayName: 'Long answer',
    description: 'A multi-line text field for longer answers.',
    category: 'form',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    bindings: simpleBinding,
    texts: {},
    props: {
      saveWhileTyping,
      autocomplete: autocompleteValues,
      maxLength: int({ minimum: 0, description: 'Maximum length; shows a counter' }),
    },
    capabilities: caps('table', 'accordion', 'cards', 'tabs'),
  }),

  Datepicker: component({
    displayName: 'Date picker',
    description: 'A date field with a calendar; stores an ISO date or timestamp.',
    category: 'form',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    bindings: simpleBinding,
    texts: {},
    props: {
      minDate: expr('string', { default: '1900-01-01T12:00:00.000Z', description: `Earliest date: ${dateKeyword}` }),
      maxDate: expr('string', { default: '2100-01-01T12:00:00.000Z', description: `Latest date: ${dateKeyword}` }),
      timeStamp: bool({ default: true, description: 'Store yyyy-MM-ddThh:mm:ss.sssZ (true) or yyyy-MM-dd (false)' }),
      format: str({ default: 'dd.MM.yyyy', description: 'Display format' }),
      autocomplete: constant('bday'),
    },
    capabilities: caps('table', 'accordion', 'cards', 'tabs'),
    v9: { defaults: { timeStamp: false } },
  }),

  TimePicker: component({
    displayName: 'Time picker',
    description: 'A time-of-day field.',
    category: 'form',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    bindings: simpleBinding,
    texts: {},
    props: {
      format: oneOf(['HH:mm', 'HH:mm:ss', 'hh:mm a', 'hh:mm:ss a'], { default: 'HH:mm' }),
      minTime: expr('string', { description: 'Earliest time' }),
      maxTime: expr('string', { description: 'Latest time' }),
      autocomplete: constant('time'),
    },
    capabilities: caps('table', 'accordion', 'cards', 'tabs'),
  }),

  Address: component({
    displayName: 'Address',
    description: 'Street address with post code and post place looked up from the Norwegian registry.',
    category: 'form',
    runtimeCategory: 'Form',
    form: true,
    labeled: false,
    summarizable: true,
    bindings: {
      address: requiredBinding('scalar', 'Street address'),
      zipCode: requiredBinding('scalar', 'Post code'),
      postPlace: requiredBinding('scalar', 'Post place (filled in from the post code)'),
      careOf: optionalBinding('scalar', 'C/o line (shown when simplified is false)'),
      houseNumber: optionalBinding('scalar', 'House/flat number (shown when simplified is false)'),
    },
    texts: {
      title: text('Label of the address field'),
      careOfTitle: text('Label of the c/o field'),
      zipCodeTitle: text('Label of the post code field'),
      postPlaceTitle: text('Label of the post place field'),
      houseNumberTitle: text('Label of the house number field'),
    },
    props: {
      simplified: bool({ default: true, description: 'Hide c/o and house number' }),
      saveWhileTyping,
      labelSettings,
    },
    capabilities: caps('accordion', 'cards', 'tabs'),
    legacyNames: ['AddressComponent'],
  }),
} as const;
