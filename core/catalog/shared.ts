// Property groups that many component types share (ComponentBase and friends, §2.2, §2.4, §2.5).
import { anyOf, bool, constant, expr, int, list, nullValue, num, obj, oneOf, record, str, text } from './spec';

/** Component ids the runtime accepts: must not end in `-<1..5 digits>` (those are row instances). */
export const componentIdPattern = '^[0-9a-zA-Z][0-9a-zA-Z-]*(-?[a-zA-Z]+|[a-zA-Z][0-9]+|-[0-9]{6,})$';

export const validationMasks = oneOf(['Schema', 'Component', 'Expression', 'CustomBackend', 'Required', 'AllExceptRequired', 'All']);
export const validationMaskList = list(validationMasks, { description: 'Validation types to show' });

export const pageValidation = obj({
  page: oneOf(['current', 'currentAndPrevious', 'all'], { required: true, description: 'Which pages to validate' }),
  show: list(validationMasks, { required: true, description: 'Validation types to show' }),
});

const gridSize = anyOf([constant('auto'), oneOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])]);
const gridStyling = {
  xs: gridSize,
  sm: gridSize,
  md: gridSize,
  lg: gridSize,
  xl: gridSize,
} as const;
const gridBreakpoints = obj(gridStyling);

export const gridSettings = obj(
  { ...gridStyling, labelGrid: gridBreakpoints, innerGrid: gridBreakpoints, validationGrid: gridBreakpoints },
  { description: '12-column responsive width per breakpoint; labelGrid/innerGrid split label and input' },
);

const pageBreakValue = expr('string', { default: 'auto', description: "'auto', 'always' or 'avoid' (PDF only)" });

/** Every component has these (besides `type`). */
export const baseProps = {
  id: str({ required: true, pattern: componentIdPattern, description: 'Unique within the layout set; must not end in -<number>' }),
  hidden: expr('boolean', { default: false, description: 'Hide the component' }),
  grid: gridSettings,
  pageBreak: obj({ breakBefore: pageBreakValue, breakAfter: pageBreakValue }, { description: 'Page breaks in the PDF' }),
} as const;

export const formProps = {
  readOnly: expr('boolean', { default: false, description: 'Show the value without letting the user change it' }),
  required: expr('boolean', { default: false, description: 'The user must fill it in' }),
  showValidations: validationMaskList,
} as const;

export const summarizableProps = {
  renderAsSummary: bool({ default: false, description: 'Render as a read-only summary' }),
  forceShowInSummary: expr('boolean', { default: false, description: 'Show in Summary2 even with hideEmptyFields' }),
} as const;

export const labelSettings = obj({ optionalIndicator: bool({ description: 'Mark the label as optional' }) });
export const labeledProps = { labelSettings } as const;

/** Components with data model bindings may opt out of backend hidden-data removal. */
export const bindingProps = {
  removeWhenHidden: expr('boolean', { description: 'Remove the value when hidden (AppSettings.RemoveHiddenData)' }),
} as const;

export const queryParameters = record(expr('string'), { description: 'Query parameters added to the options URL' });
export const mapping = record(str(), { description: 'Data model path → query parameter or target path' });

export const rawOption = obj({
  label: str({ required: true, description: 'Text key or literal text' }),
  value: anyOf([str(), num(), bool(), nullValue()], { required: true, description: 'Stored value (converted to a string)' }),
  description: str(),
  helpText: str(),
});

export const optionSource = obj({
  group: str({ required: true, description: 'Repeating structure in the data model' }),
  value: str({ required: true, description: 'Path of the value, with {0} for the row, e.g. people[{0}].id' }),
  label: expr('string', { required: true, description: 'Label per row (text key or expression)' }),
  description: expr('string'),
  helpText: expr('string'),
  dataType: str({ description: 'Data type of the repeating structure (default: the set’s)' }),
});

export const selectionProps = {
  optionsId: str({ description: 'Code list id: App/options/<id>.json, a C# provider, or lib**org**id**version' }),
  options: list(rawOption, { description: 'Static options' }),
  source: optionSource,
  mapping: { ...mapping, deprecated: true },
  queryParameters,
  secure: bool({ default: false, description: 'Fetch options through the instance-scoped endpoint' }),
  sortOrder: oneOf(['asc', 'desc'], { description: 'Sort options by label' }),
  optionFilter: expr('boolean', { description: 'Per option; ["value"] is the option value; false drops it' }),
} as const;

export const preselectionProps = {
  preselectedOptionIndex: int({ description: 'Option selected when the field is empty' }),
} as const;

export const formTexts = {
  tableTitle: text('Title in tables (overrides the title)'),
  shortName: text('Name used in "You must fill out {0}"'),
  requiredValidation: text('Full message when a required value is missing'),
} as const;

export const summarizableTexts = {
  summaryTitle: text('Title in summaries'),
  summaryAccessibleTitle: text('aria-label of the change button in summaries'),
} as const;

export const labelTexts = {
  title: text('Label shown above the component'),
  description: text('Shown below the label'),
  help: text('Help text behind the help button'),
} as const;

export const headingLevel = oneOf([2, 3, 4, 5, 6], { description: 'HTML heading level' });
export const alignText = oneOf(['left', 'center', 'right']);
export const direction = oneOf(['horizontal', 'vertical'], { description: 'Label beside or above the value' });
export const saveWhileTyping = anyOf([num(), bool({ deprecated: true })], {
  default: 400,
  description: 'Debounce in ms before saving while typing (v3 allowed a boolean)',
});

const autocompleteTokens = [
  ...['on', 'off', 'name', 'honorific-prefix', 'given-name', 'additional-name', 'family-name', 'honorific-suffix'],
  ...['nickname', 'email', 'username', 'new-password', 'current-password', 'one-time-code', 'organization-title'],
  ...['organization', 'street-address', 'address-line1', 'address-line2', 'address-line3', 'address-level4'],
  ...['address-level3', 'address-level2', 'address-level1', 'country', 'country-name', 'postal-code', 'cc-name'],
  ...['cc-given-name', 'cc-additional-name', 'cc-family-name', 'cc-number', 'cc-exp', 'cc-exp-month', 'cc-exp-year'],
  ...['cc-csc', 'cc-type', 'transaction-currency', 'transaction-amount', 'language', 'bday', 'bday-day', 'bday-month'],
  ...['bday-year', 'sex', 'tel', 'tel-country-code', 'tel-national', 'tel-area-code', 'tel-local', 'tel-extension'],
  ...['impp', 'url', 'photo'],
] as const;
export const autocompleteValues = oneOf(autocompleteTokens, { description: 'HTML autocomplete token' });

const textOverflow = obj({
  lineWrap: bool({ default: true }),
  maxHeight: num({ default: 2, description: 'Lines shown before an ellipsis' }),
});

export const columnProperties = obj({
  width: str({ default: 'auto', pattern: '^([0-9]{1,2}%|100%|auto)$', description: "Width in % or 'auto'" }),
  alignText,
  textOverflow,
  hidden: expr('boolean', { description: 'Hide the column' }),
});

const cellCommon = {
  ...columnProperties.properties,
  columnOptions: columnProperties,
  cellStyle: obj({ colSpan: expr('number', { description: 'Columns this cell spans' }) }),
} as const;

export const gridCell = anyOf([
  obj({ ...cellCommon, component: str({ required: true, description: 'Id of the component shown in the cell' }) }),
  obj({ ...cellCommon, text: str({ required: true, description: 'Text key or literal text' }), help: str() }),
  obj({ ...cellCommon, labelFrom: str({ required: true, description: 'Show the label of this component' }) }),
  nullValue(),
]);

export const gridRows = list(
  obj({
    header: bool({ default: false, description: 'Header row' }),
    readOnly: bool({ default: false, description: 'Read-only row' }),
    columnOptions: columnProperties,
    cells: list(gridCell, { required: true }),
  }),
  { description: 'Table rows; a cell is a component, a text, a label of a component, or null' },
);

const numberFormat = obj({
  thousandSeparator: anyOf([expr('boolean'), expr('string')]),
  decimalSeparator: expr('string'),
  allowedDecimalSeparators: list(str()),
  thousandsGroupStyle: oneOf(['thousand', 'lakh', 'wan', 'none']),
  decimalScale: num(),
  fixedDecimalScale: bool(),
  allowNegative: bool(),
  allowLeadingZeros: bool(),
  suffix: expr('string'),
  prefix: expr('string'),
});

const patternFormat = obj({
  format: expr('string', { required: true, description: 'Pattern such as "### ## ###"' }),
  mask: anyOf([str(), list(str())]),
  allowEmptyFormatting: bool(),
  patternChar: str(),
});

export const formatting = obj(
  {
    currency: str({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code, formatted for the language' }),
    unit: oneOf([
      ...['celsius', 'centimeter', 'day', 'degree', 'foot', 'gram', 'hectare', 'hour', 'inch', 'kilogram', 'kilometer'],
      ...['liter', 'meter', 'milliliter', 'millimeter', 'millisecond', 'minute', 'month', 'percent', 'second', 'week', 'year'],
    ] as const),
    position: oneOf(['prefix', 'suffix'], { description: 'Where the currency/unit goes' }),
    number: anyOf([patternFormat, numberFormat], { description: 'react-number-format options' }),
    align: oneOf(['right', 'center', 'left'], { default: 'left' }),
  },
  { description: 'Number formatting' },
);

export const buttonProps = {
  size: oneOf(['sm', 'md', 'lg']),
  textAlign: oneOf(['left', 'center', 'right']),
  fullWidth: bool(),
  position: oneOf(['left', 'center', 'right']),
} as const;

/** Page settings valid in Settings.json `pages`, layout-sets `uiSettings` and v9 ui/Settings.json. */
export const globalPageSettings = {
  hideCloseButton: bool({ default: false }),
  showLanguageSelector: bool({ default: false }),
  showExpandWidthButton: bool({ default: false }),
  expandedWidth: bool({ default: false }),
  showProgress: bool({ default: false }),
  autoSaveBehavior: oneOf(['onChangeFormData', 'onChangePage'], { default: 'onChangeFormData' }),
  navigationTitle: expr('string'),
  taskNavigation: list(
    anyOf([
      obj({ taskId: str({ required: true }), name: str(), id: str() }),
      obj({ type: constant('receipt', { required: true }), name: str(), id: str() }),
    ]),
  ),
  validationOnNavigation: pageValidation,
  hideAppNameInPdf: expr('boolean'),
} as const;

/** Shared nodes written once as JSON Schema definitions (name → node). */
export const reusableNodes = {
  grid: gridSettings,
  gridRows,
  columnProperties,
  formatting,
  autocomplete: autocompleteValues,
  pageValidation,
  validationMasks: validationMaskList,
  labelSettings,
  option: rawOption,
  optionSource,
  queryParameters,
  mapping,
  saveWhileTyping,
} as const;
