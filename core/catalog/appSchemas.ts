// JSON Schemas of the other app files the studio edits (§2.8–2.10, §6, §7.2–7.3).
import { draft07, expressionDefinitions, nodeToSchema, type JsonSchema } from './jsonSchema';
import { globalPageSettings, rawOption } from './shared';
import { anyOf, bool, int, list, nullValue, num, obj, oneOf, record, str, type SpecNode } from './spec';

/** Backend models are C# classes with nullable properties; Studio writes `null` for unset ones. */
const orNull = (node: SpecNode) => anyOf([node, nullValue()]);

/** A whole app file's schema: its root node, with the expression definitions every schema carries. */
export function fileSchema(title: string, description: string, node: SpecNode): JsonSchema {
  return { $schema: draft07, title, description, ...nodeToSchema(node), definitions: expressionDefinitions() };
}

const stringList = list(str());

const pageGroup = obj({
  id: str(),
  name: str({ description: 'Text key of the group (may be left out for a single-page group)' }),
  type: oneOf(['default', 'info']),
  order: list(str(), { required: true }),
  markWhenCompleted: bool(),
  expandedByDefault: bool(),
});

const settingsNode = obj({
  $schema: str(),
  pages: obj(
    {
      order: list(str(), { description: 'Navigable pages, in order' }),
      groups: list(pageGroup, { description: 'Navigation groups (instead of order)' }),
      excludeFromPdf: list(str(), { description: 'Pages left out of the PDF' }),
      pdfLayoutName: str({ description: 'Page used as the whole PDF instead of the generated one' }),
      ...globalPageSettings,
    },
    { required: true },
  ),
  components: obj({ excludeFromPdf: list(str(), { description: 'Components left out of the PDF' }) }),
  defaultDataType: str({ description: 'v9: the folder’s data type (was layout-sets.json sets[].dataType)' }),
  type: str({ description: 'v9: "subform" for subform folders' }),
});

/** Settings.json of a layout set / UI folder (§2.8). `pages` has `order` or `groups`. */
export function layoutSettingsSchema(): JsonSchema {
  const schema = fileSchema('Altinn layout settings', 'ui/<set>/Settings.json', settingsNode);
  const properties = schema.properties as Record<string, JsonSchema>;
  const either = (key: string) => ({ required: [key], properties: { [key]: { type: 'array' } } });
  properties.pages = { ...properties.pages, anyOf: [either('order'), either('groups')] };
  return schema;
}

/** layout-sets.json (§2.9; v8 apps only, v9 has one folder per task). */
export function layoutSetsSchema(): JsonSchema {
  return fileSchema(
    'Altinn layout sets',
    'ui/layout-sets.json',
    obj({
      $schema: str(),
      sets: list(
        obj({
          id: str({ required: true, description: 'Folder name under App/ui/' }),
          dataType: str({ required: true, description: 'A dataTypes[].id of applicationmetadata.json' }),
          tasks: list(str(), { description: 'BPMN task ids; none for stateless pages and subforms' }),
          type: str({ description: 'Studio hint, e.g. "subform"' }),
        }),
        { required: true },
      ),
      uiSettings: obj(globalPageSettings, { description: 'Page settings for every set' }),
    }),
  );
}

/** config/texts/resource.<lang>.json (§7.3). */
export function textResourcesSchema(): JsonSchema {
  return fileSchema(
    'Altinn text resources',
    'config/texts/resource.<lang>.json',
    obj({
      $schema: str(),
      language: str({ required: true, pattern: '^[a-z]{2,3}([-_][A-Za-z0-9]+)*$', description: 'ISO 639-1 code, as in the file name' }),
      resources: list(
        obj({
          id: str({ required: true }),
          value: str({ required: true, description: 'Markdown; {0}, {1}… are replaced by variables' }),
          variables: list(
            obj({
              key: str({ required: true, description: 'Path or key to look up' }),
              dataSource: str({
                required: true,
                pattern: '^(dataModel\\..+|instanceContext|applicationSettings|customTextParameters)$',
              }),
              defaultValue: str(),
            }),
          ),
        }),
        { required: true },
      ),
    }),
  );
}

const languageMap = record(str(), { description: 'Text per language code' });

const dataType = obj({
  id: str({ required: true }),
  allowedContentTypes: orNull(stringList),
  allowedContributors: orNull(stringList),
  allowedContributers: orNull(stringList),
  appLogic: orNull(
    obj({
      classRef: orNull(str()),
      schemaRef: orNull(str()),
      autoCreate: orNull(bool()),
      allowAnonymousOnStateless: orNull(bool()),
      autoDeleteOnProcessEnd: orNull(bool()),
      disallowUserCreate: orNull(bool()),
      disallowUserDelete: orNull(bool()),
      shadowFields: orNull(obj({ prefix: str(), saveToDataType: orNull(str()) })),
    }),
  ),
  taskId: orNull(str()),
  maxSize: orNull(num({ minimum: 0, description: 'MB' })),
  minCount: orNull(int({ minimum: 0 })),
  maxCount: orNull(int({ minimum: 0, description: '0 = unlimited' })),
  grouping: orNull(str()),
  description: orNull(languageMap),
  enablePdfCreation: orNull(bool()),
  enableFileScan: orNull(bool()),
  validationErrorOnPendingFileScan: orNull(bool()),
  enabledFileAnalysers: orNull(stringList),
  enabledFileValidators: orNull(stringList),
  allowedKeysForUserDefinedMetadata: orNull(stringList),
  actionRequiredToRead: orNull(str()),
  actionRequiredToWrite: orNull(str()),
});

const dataField = obj({ id: str({ required: true }), path: str({ required: true }), dataTypeId: str() });

/** config/applicationmetadata.json (§6). */
export function applicationMetadataSchema(): JsonSchema {
  return fileSchema(
    'Altinn application metadata',
    'config/applicationmetadata.json',
    obj({
      $schema: str(),
      id: str({ required: true, pattern: '^[^/]+/[^/]+$', description: '<org>/<app>' }),
      org: str({ required: true }),
      title: { ...languageMap, required: true },
      dataTypes: list(dataType, { required: true }),
      partyTypesAllowed: obj(
        { bankruptcyEstate: bool(), organisation: bool(), person: bool(), subUnit: bool() },
        { required: true, description: 'All false = everyone may instantiate' },
      ),
      onEntry: orNull(
        obj({
          show: str({ description: 'new-instance, select-instance, or a layout set id (stateless start page)' }),
          instanceSelection: orNull(
            obj({
              sortDirection: oneOf(['asc', 'desc']),
              rowsPerPageOptions: list(int({ minimum: 1 })),
              defaultSelectedOption: int({ minimum: 0 }),
              defaultRowsPerPage: int({ minimum: 1, deprecated: true }),
            }),
          ),
        }),
      ),
      autoDeleteOnProcessEnd: orNull(bool()),
      disallowUserInstantiation: orNull(bool()),
      copyInstanceSettings: orNull(
        obj({ enabled: bool(), excludedDataTypes: stringList, excludedDataFields: stringList, includeAttachments: bool() }),
      ),
      messageBoxConfig: orNull(obj({ hideSettings: orNull(obj({ hideAlways: bool(), hideOnTask: stringList })) })),
      presentationFields: orNull(list(dataField)),
      dataFields: orNull(list(dataField)),
      logo: orNull(
        obj({
          source: oneOf(['org', 'resource']),
          displayAppOwnerNameInHeader: bool(),
          size: oneOf(['small', 'medium', 'large']),
        }),
      ),
      preventInstanceDeletionForDays: orNull(int({ minimum: 0 })),
      validFrom: orNull(str()),
      validTo: orNull(str()),
      processId: orNull(str()),
      versionId: orNull(str()),
    }),
  );
}

/** App/options/<id>.json: a static code list (§7.2). */
export function optionsSchema(): JsonSchema {
  return fileSchema('Altinn code list', 'App/options/<id>.json', list(rawOption));
}

const footerItem = obj({
  type: oneOf(['Text', 'Link', 'Email', 'Phone'], { required: true }),
  title: str({ required: true, description: 'Text key or literal text' }),
  target: str({ description: 'URL, e-mail address or phone number (or a text key holding it)' }),
  icon: oneOf(['information', 'email', 'phone']),
});

/** ui/footer.json (§2.10). Link, Email and Phone items need a target. */
export function footerSchema(): JsonSchema {
  const schema = fileSchema('Altinn footer', 'ui/footer.json', obj({ $schema: str(), footer: list(footerItem, { required: true }) }));
  const footer = (schema.properties as Record<string, JsonSchema>).footer as JsonSchema;
  const item = footer.items as JsonSchema;
  item.if = { required: ['type'], properties: { type: { enum: ['Link', 'Email', 'Phone'] } } };
  item.then = { required: ['target'], properties: { target: { type: 'string' } } };
  return schema;
}
