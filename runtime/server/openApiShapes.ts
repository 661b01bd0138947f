/**
 * Altinn's JSON shapes as OpenAPI 3.0 schema objects (§8.3 Instance and DataElement, §5.9 process
 * state, §4.5 validation issues), for the app's OpenAPI document. They describe what the runtime
 * answers, which is the subset of Altinn Storage's models it fills.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const dateTime: Schema = { type: 'string', format: 'date-time' };
const bool: Schema = { type: 'boolean' };
const obj = (properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema => ({ type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...extra });

/** A `$ref` to a component schema. */
export const schemaRef = ref;

/** The component schemas of Altinn's API shapes, by name. */
export const altinnSchemas: Readonly<Record<string, Schema>> = {
  Error: obj({ status: { type: 'integer' }, message: str('What went wrong and what to do about it') }, ['status', 'message']),
  ProblemDetails: obj({ type: str(), title: str(), status: { type: 'integer' }, detail: str(), validationIssues: { type: 'array', items: ref('ValidationIssue') } }),
  InstanceOwner: obj({ partyId: str('The party id (a number, as text)'), personNumber: str(), organisationNumber: str(), username: str() }, ['partyId']),
  InstanceStatus: obj({ isArchived: bool, archived: dateTime, isSoftDeleted: bool, isHardDeleted: bool, readStatus: str('Read, Unread or UpdatedSinceLastReview'), substatus: { type: 'object', nullable: true } }),
  DataElement: obj(
    {
      id: { type: 'string', format: 'uuid' },
      instanceGuid: { type: 'string', format: 'uuid' },
      dataType: str('The data type id from applicationmetadata.json'),
      filename: str(),
      contentType: str(),
      size: { type: 'integer' },
      locked: bool,
      refs: { type: 'array', items: str() },
      tags: { type: 'array', items: str() },
      isRead: bool,
      fileScanResult: { type: 'string', enum: ['NotApplicable', 'Pending', 'Clean', 'Infected'] },
      created: dateTime,
      createdBy: str(),
      lastChanged: dateTime,
      lastChangedBy: str(),
    },
    ['id', 'instanceGuid', 'dataType', 'contentType', 'size', 'locked'],
  ),
  CurrentTask: obj(
    {
      elementId: str('The BPMN task id'),
      name: str(),
      altinnTaskType: { type: 'string', nullable: true, description: 'data, confirmation, feedback, signing, payment, …' },
      flow: { type: 'integer' },
      started: dateTime,
      flowType: str(),
      read: bool,
      write: bool,
      actions: { type: 'object', additionalProperties: bool },
      userActions: { type: 'array', items: obj({ id: str(), authorized: bool, type: { type: 'string', enum: ['ProcessAction', 'ServerAction'] } }) },
    },
    ['elementId'],
  ),
  ProcessState: obj(
    {
      started: dateTime,
      startEvent: str(),
      currentTask: { ...ref('CurrentTask'), nullable: true },
      ended: dateTime,
      endEvent: str(),
      processTasks: { type: 'array', items: obj({ elementId: str(), altinnTaskType: str() }) },
    },
    ['started'],
  ),
  Instance: obj(
    {
      id: str('<instanceOwnerPartyId>/<instanceGuid>'),
      instanceOwner: ref('InstanceOwner'),
      appId: str('<org>/<app>'),
      org: str(),
      process: ref('ProcessState'),
      status: ref('InstanceStatus'),
      data: { type: 'array', items: ref('DataElement') },
      dataValues: { type: 'object', additionalProperties: str() },
      dueBefore: dateTime,
      visibleAfter: dateTime,
      created: dateTime,
      createdBy: str(),
      lastChanged: dateTime,
      lastChangedBy: str(),
    },
    ['id', 'instanceOwner', 'appId', 'org', 'process', 'data'],
  ),
  InstanceTemplate: obj({ instanceOwner: obj({ partyId: str() }), dueBefore: dateTime, visibleAfter: dateTime }),
  InstanceCreation: obj({
    instanceOwner: obj({ partyId: str(), personNumber: str(), organisationNumber: str() }),
    prefill: { type: 'object', additionalProperties: true, description: 'Field paths of the first task\'s data model → values (what InstantiationButton sends from its mapping)' },
    sourceInstanceId: str(),
    dueBefore: dateTime,
    visibleAfter: dateTime,
  }),
  ActiveInstance: obj({ id: str(), presentationTexts: { type: 'object', nullable: true }, dueBefore: { ...dateTime, nullable: true }, lastChanged: dateTime, lastChangedBy: { type: 'string', nullable: true } }),
  ValidationIssue: obj(
    {
      severity: { type: 'integer', description: '1 error, 2 warning, 3 informational, 4 fixed, 5 success' },
      code: str(),
      description: str(),
      field: { type: 'string', nullable: true },
      dataElementId: { type: 'string', nullable: true },
      source: str('Required, Expression, DataAnnotations (schema), …'),
      customTextKey: { type: 'string', nullable: true },
      customTextParams: { type: 'array', items: str(), nullable: true },
    },
    ['severity', 'code', 'description'],
  ),
  DataPostResponse: obj({ newDataElementId: str(), instance: ref('Instance'), validationIssues: { type: 'array', items: obj({}) }, newDataModels: { type: 'array', items: obj({ dataElementId: str(), data: obj({}) }) } }),
  ProcessHistory: obj({ processHistory: { type: 'array', items: obj({ eventType: str(), elementId: str(), occured: dateTime, started: dateTime, ended: dateTime, performedBy: str() }) } }),
  TextResources: obj({ id: str(), org: str(), language: str(), resources: { type: 'array', items: obj({ id: str(), value: str() }, ['id', 'value']) } }),
  Option: obj({ value: {}, label: str(), description: str(), helpText: str() }, ['value']),
  Party: obj({ partyId: { type: 'integer' }, partyTypeName: { type: 'integer' }, name: str(), ssn: { type: 'string', nullable: true }, orgNumber: { type: 'string', nullable: true } }),
  CSharpCode: obj(
    { kind: str(), className: str(), interfaces: { type: 'array', items: str() }, file: str(), line: { type: 'integer' }, id: str('Options id, action id, gateway id, …'), previewDoes: str() },
    ['kind', 'className', 'file', 'previewDoes'],
  ),
};
