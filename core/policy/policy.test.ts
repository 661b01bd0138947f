import { describe, expect, it } from 'vitest';
import { altinnRequest, authenticationLevelMet, combiningAlgorithm, decide } from './decide';
import { attributeIds, categories, parsePolicy, resolvePlaceholders, valuesOf } from './policy';

const subject = categories.subject;
const resource = categories.resource;
const action = categories.action;
const str = 'http://www.w3.org/2001/XMLSchema#string';

const match = (value: string, category: string, attributeId: string, fn = 'urn:oasis:names:tc:xacml:1.0:function:string-equal', mustBePresent = false) => `
  <xacml:Match MatchId="${fn}">
    <xacml:AttributeValue DataType="${str}">${value}</xacml:AttributeValue>
    <xacml:AttributeDesignator AttributeId="${attributeId}" Category="${category}" DataType="${str}" MustBePresent="${mustBePresent}"/>
  </xacml:Match>`;
const allOf = (...matches: string[]) => `<xacml:AllOf>${matches.join('')}</xacml:AllOf>`;
const anyOf = (...allOfs: string[]) => `<xacml:AnyOf>${allOfs.join('')}</xacml:AnyOf>`;
const role = (code: string) => allOf(match(code, subject, attributeIds.roleCode, 'urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case'));
const act = (id: string) => allOf(match(id, action, attributeIds.actionId));
const app = (...extra: string[]) => allOf(match('[ORG]', resource, attributeIds.org), match('[APP]', resource, attributeIds.app), ...extra);
const task = (id: string) => match(id, resource, attributeIds.task);
const rule = (id: string, effect: string, ...anyOfs: string[]) => `<xacml:Rule RuleId="${id}" Effect="${effect}"><xacml:Description>${id}</xacml:Description><xacml:Target>${anyOfs.join('')}</xacml:Target></xacml:Rule>`;

const policyXml = (algorithm: string, rules: string, obligations = '') => `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p1" Version="1.0" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:${algorithm}">
  <xacml:Target/>
  ${rules}
  ${obligations}
</xacml:Policy>`;

const authLevel = (level: number, category = 'urn:altinn:minimum-authenticationlevel') => `
  <xacml:ObligationExpression FulfillOn="Permit" ObligationId="urn:altinn:obligation:authenticationLevel1">
    <xacml:AttributeAssignmentExpression AttributeId="urn:altinn:obligation1-assignment1" Category="${category}">
      <xacml:AttributeValue DataType="http://www.w3.org/2001/XMLSchema#integer">${level}</xacml:AttributeValue>
    </xacml:AttributeAssignmentExpression>
  </xacml:ObligationExpression>`;

const standardRules = [
  rule('instantiate', 'Permit', anyOf(role('PRIV'), role('DAGL'), allOf(match('[ORG]', subject, attributeIds.org))), anyOf(app()), anyOf(act('instantiate'), act('read'))),
  rule('task1', 'Permit', anyOf(role('PRIV'), role('DAGL')), anyOf(app(task('Task_1')), app(match('EndEvent_1', resource, attributeIds.endEvent))), anyOf(act('read'), act('write'))),
  rule('sign', 'Permit', anyOf(role('DAGL')), anyOf(app(task('Task_2'))), anyOf(act('sign'), act('reject'))),
  // Altinn's generated delete rule puts the action match inside the resource AllOf.
  rule('delete', 'Permit', anyOf(role('DAGL')), anyOf(app(match('delete', action, attributeIds.actionId)))),
].join('');

function load(algorithm = 'deny-overrides', rules = standardRules, obligations = '') {
  const { policy, problems } = parsePolicy(policyXml(algorithm, rules, obligations));
  expect(problems).toEqual([]);
  return resolvePlaceholders(policy!, { org: 'acme', app: 'permit' });
}

const ask = (roles: string[], actionId: string, where: { task?: string; endEvent?: string } = {}, extra: { subjectOrg?: string } = {}) =>
  altinnRequest({ action: actionId, org: 'acme', app: 'permit', roles, ...where, ...extra });

describe('parsePolicy', () => {
  it('reads rules, effects, targets, the algorithm and obligations', () => {
    const { policy, problems } = parsePolicy(policyXml('deny-overrides', standardRules, `<xacml:ObligationExpressions>${authLevel(2)}</xacml:ObligationExpressions>`));
    expect(problems).toEqual([]);
    expect(policy!.rules.map((r) => [r.id, r.effect])).toEqual([
      ['instantiate', 'Permit'],
      ['task1', 'Permit'],
      ['sign', 'Permit'],
      ['delete', 'Permit'],
    ]);
    expect(policy!.rules[1]!.target).toHaveLength(3);
    expect(policy!.rules[1]!.target[1]).toHaveLength(2);
    expect(policy!.obligations).toEqual([
      { id: 'urn:altinn:obligation:authenticationLevel1', fulfillOn: 'Permit', assignments: [{ attributeId: 'urn:altinn:obligation1-assignment1', category: 'urn:altinn:minimum-authenticationlevel', value: '2' }] },
    ]);
    expect(combiningAlgorithm(policy!.combiningAlgorithm)).toBe('deny-overrides');
  });

  it('reports what it cannot evaluate instead of throwing', () => {
    expect(parsePolicy('<PolicySet/>').policy).toBeNull();
    expect(parsePolicy('<PolicySet/>').problems[0]!.message).toMatch(/PolicySet/);
    expect(parsePolicy('not xml at all').policy).toBeNull();
    const odd = parsePolicy(policyXml('deny-overrides', rule('r', 'Maybe', anyOf(allOf(match('x', subject, 'urn:a', 'urn:custom:function')))))) ;
    expect(odd.policy!.rules[0]!.effect).toBe('Deny');
    expect(odd.problems.map((p) => p.message).join('\n')).toMatch(/Effect must be Permit or Deny[\s\S]*urn:custom:function/);
  });

  it('replaces [ORG] and [APP] in any case and lists the values a policy uses', () => {
    const policy = load();
    expect(valuesOf(policy, resource, attributeIds.org)).toEqual(['acme']);
    expect(valuesOf(policy, resource, attributeIds.app)).toEqual(['permit']);
    expect(valuesOf(policy, subject, attributeIds.roleCode)).toEqual(['PRIV', 'DAGL']);
    expect(valuesOf(policy, action, attributeIds.actionId)).toEqual(['instantiate', 'read', 'write', 'sign', 'reject', 'delete']);
    const lower = resolvePlaceholders(parsePolicy(policyXml('deny-overrides', rule('r', 'Permit', anyOf(allOf(match('[org]', subject, attributeIds.org)))))).policy!, { org: 'ttd', app: 'a' });
    expect(valuesOf(lower, subject, attributeIds.org)).toEqual(['ttd']);
  });
});

describe('decide', () => {
  it('permits what a role is given, per task, and nothing else', () => {
    const policy = load();
    expect(decide(policy, ask(['PRIV'], 'instantiate')).decision).toBe('Permit');
    expect(decide(policy, ask(['PRIV'], 'write', { task: 'Task_1' })).decision).toBe('Permit');
    expect(decide(policy, ask(['PRIV'], 'write', { task: 'Task_2' })).decision).toBe('NotApplicable');
    expect(decide(policy, ask(['PRIV'], 'sign', { task: 'Task_2' })).decision).toBe('NotApplicable');
    expect(decide(policy, ask(['DAGL'], 'sign', { task: 'Task_2' })).decision).toBe('Permit');
    expect(decide(policy, ask(['DAGL'], 'sign', { task: 'Task_1' })).decision).toBe('NotApplicable');
    // The instantiate rule names no task, so reading is allowed in every task and after the end.
    expect(decide(policy, ask(['PRIV'], 'read', { task: 'Task_2' })).decision).toBe('Permit');
    expect(decide(policy, ask(['PRIV'], 'write', { endEvent: 'EndEvent_1' })).decision).toBe('Permit');
    expect(decide(policy, ask(['REGNA'], 'read', { task: 'Task_1' })).decision).toBe('NotApplicable');
    expect(decide(policy, ask([], 'read', { task: 'Task_1' })).decision).toBe('NotApplicable');
  });

  it('matches role codes ignoring case where the policy says so, and org codes exactly', () => {
    const policy = load();
    expect(decide(policy, ask(['dagl'], 'sign', { task: 'Task_2' })).decision).toBe('Permit');
    expect(decide(policy, ask([], 'instantiate', {}, { subjectOrg: 'acme' })).decision).toBe('Permit');
    expect(decide(policy, ask([], 'instantiate', {}, { subjectOrg: 'ACME' })).decision).toBe('NotApplicable');
    expect(decide(policy, ask([], 'instantiate', {}, { subjectOrg: 'other' })).decision).toBe('NotApplicable');
  });

  it('finds an action match written inside the resource AllOf (Altinn delete rules)', () => {
    const policy = load();
    expect(decide(policy, ask(['DAGL'], 'delete', { task: 'Task_2' })).decision).toBe('Permit');
    expect(decide(policy, ask(['PRIV'], 'delete', { task: 'Task_1' })).decision).toBe('NotApplicable');
  });

  it('only applies to the app it is for', () => {
    const policy = load();
    const other = altinnRequest({ action: 'read', org: 'acme', app: 'other', roles: ['DAGL'], task: 'Task_1' });
    expect(decide(policy, other).decision).toBe('NotApplicable');
  });

  const mixed = [
    rule('permit-write', 'Permit', anyOf(role('DAGL')), anyOf(app()), anyOf(act('write'))),
    rule('deny-write-task2', 'Deny', anyOf(role('DAGL')), anyOf(app(task('Task_2'))), anyOf(act('write'))),
  ].join('');

  it('combines rules by the algorithm the policy names', () => {
    const inTask2 = ask(['DAGL'], 'write', { task: 'Task_2' });
    const inTask1 = ask(['DAGL'], 'write', { task: 'Task_1' });
    expect(decide(load('deny-overrides', mixed), inTask2)).toMatchObject({ decision: 'Deny', rules: ['deny-write-task2'] });
    expect(decide(load('permit-overrides', mixed), inTask2)).toMatchObject({ decision: 'Permit', rules: ['permit-write'] });
    expect(decide(load('first-applicable', mixed), inTask2)).toMatchObject({ decision: 'Permit', rules: ['permit-write'] });
    const denyFirst = [rule('deny-write-task2', 'Deny', anyOf(role('DAGL')), anyOf(app(task('Task_2'))), anyOf(act('write'))), rule('permit-write', 'Permit', anyOf(role('DAGL')), anyOf(app()), anyOf(act('write')))].join('');
    expect(decide(load('first-applicable', denyFirst), inTask2)).toMatchObject({ decision: 'Deny', rules: ['deny-write-task2'] });
    expect(decide(load('deny-overrides', mixed), inTask1).decision).toBe('Permit');
    // NotApplicable becomes Deny or Permit with the "unless" algorithms.
    const nobody = ask(['PRIV'], 'write', { task: 'Task_1' });
    expect(decide(load('deny-overrides', mixed), nobody).decision).toBe('NotApplicable');
    expect(decide(load('deny-unless-permit', mixed), nobody).decision).toBe('Deny');
    expect(decide(load('permit-unless-deny', mixed), nobody).decision).toBe('Permit');
    expect(decide(load('permit-unless-deny', mixed), inTask2).decision).toBe('Deny');
  });

  it('uses deny-overrides for an unknown algorithm and says so', () => {
    const { policy } = parsePolicy(policyXml('deny-overrides', mixed).replace(/RuleCombiningAlgId="[^"]*"/, 'RuleCombiningAlgId="urn:example:mine"'));
    const result = decide(resolvePlaceholders(policy!, { org: 'acme', app: 'permit' }), ask(['DAGL'], 'write', { task: 'Task_2' }));
    expect(result.decision).toBe('Deny');
    expect(result.note).toMatch(/urn:example:mine/);
  });

  it('is Indeterminate when an attribute the policy requires is missing', () => {
    const rules = rule('needs-party', 'Permit', anyOf(allOf(match('1', resource, attributeIds.partyId, undefined, true))), anyOf(act('read')));
    const policy = load('deny-overrides', rules);
    expect(decide(policy, ask(['DAGL'], 'read')).decision).toBe('Indeterminate');
    expect(decide(policy, altinnRequest({ action: 'read', org: 'acme', app: 'permit', partyId: '1' })).decision).toBe('Permit');
  });

  it('returns the Permit obligations, and the authentication level check follows Altinn', () => {
    const obligations = `<xacml:ObligationExpressions>${authLevel(3)}${authLevel(2, 'urn:altinn:minimum-authenticationlevel-org')}</xacml:ObligationExpressions>`;
    const policy = load('deny-overrides', standardRules, obligations);
    const permit = decide(policy, ask(['PRIV'], 'instantiate'));
    expect(permit.obligations).toHaveLength(2);
    expect(decide(policy, ask(['REGNA'], 'instantiate')).obligations).toEqual([]);
    expect(authenticationLevelMet(permit.obligations, 3, false)).toEqual({ met: true, required: 3 });
    expect(authenticationLevelMet(permit.obligations, 2, false)).toEqual({ met: false, required: 3 });
    expect(authenticationLevelMet(permit.obligations, 2, true)).toEqual({ met: true, required: 2 });
    expect(authenticationLevelMet(permit.obligations, 1, true)).toEqual({ met: false, required: 2 });
    expect(authenticationLevelMet([], 0, false)).toEqual({ met: true, required: 0 });
  });
});
