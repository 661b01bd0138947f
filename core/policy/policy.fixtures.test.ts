// Every fixture app's policy.xml: for each role the policy names, each task of the process (and the end
// event), and each action, the decision is checked against an independent reading of the file (regular
// expressions over the rules, the way a person reads them: who × where × what). Skips without fixtures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureAppNames, fixtureAppsDir } from '../testing/fixtureApps';
import { altinnRequest, decide } from './decide';
import { attributeIds, categories, parsePolicy, resolvePlaceholders, valuesOf } from './policy';

const apps = fixtureAppNames().filter((name) => existsSync(path.join(fixtureAppsDir, name, 'App/config/authorization/policy.xml')));

interface OracleRule {
  subjects: { attr: string; value: string }[];
  /** One entry per resource AllOf: the task / end event it names (null = any). */
  places: { task: string | null; endEvent: string | null; appResource: string | null }[];
  actions: string[];
}

/** Reads the rules with regular expressions only. Placeholders are resolved as the deployment does. */
function oracle(text: string, org: string, app: string): OracleRule[] {
  const resolved = text.replace(/\[org\]/gi, org).replace(/\[app\]/gi, app);
  return [...resolved.matchAll(/<xacml:Rule\b[\s\S]*?<\/xacml:Rule>/g)].map(([ruleText]) => {
    const rule: OracleRule = { subjects: [], places: [], actions: [] };
    for (const [allOf] of ruleText.matchAll(/<xacml:AllOf>[\s\S]*?<\/xacml:AllOf>/g)) {
      const pairs = [...allOf.matchAll(/>([^<]*)<\/xacml:AttributeValue>\s*<xacml:AttributeDesignator AttributeId="([^"]+)" Category="([^"]+)"/g)].map(([, value, attr, category]) => ({ value: value!.trim(), attr: attr!, category: category! }));
      for (const p of pairs.filter((p) => p.category.includes('subject'))) rule.subjects.push({ attr: p.attr, value: p.value });
      for (const p of pairs.filter((p) => p.category.includes('action'))) rule.actions.push(p.value);
      const res = pairs.filter((p) => p.category.endsWith(':resource'));
      if (res.length > 0 && res.every((p) => (p.attr !== 'urn:altinn:org' || p.value === org) && (p.attr !== 'urn:altinn:app' || p.value === app))) {
        const find = (attr: string) => res.find((p) => p.attr === attr)?.value ?? null;
        rule.places.push({ task: find('urn:altinn:task'), endEvent: find('urn:altinn:end-event'), appResource: find('urn:altinn:appresource') });
      }
    }
    return rule;
  });
}

function oracleAllows(rules: OracleRule[], role: string, place: { task?: string; endEvent?: string }, action: string): boolean {
  return rules.some(
    (r) =>
      r.subjects.some((s) => s.attr === 'urn:altinn:rolecode' && s.value.toLowerCase() === role.toLowerCase()) &&
      r.actions.includes(action) &&
      r.places.some((p) => p.appResource === null && (p.task === null || p.task === place.task) && (p.endEvent === null || p.endEvent === place.endEvent)),
  );
}

function processPlaces(appDir: string): { task?: string; endEvent?: string }[] {
  const bpmnPath = path.join(appDir, 'App/config/process/process.bpmn');
  if (!existsSync(bpmnPath)) return [];
  const bpmn = readFileSync(bpmnPath, 'utf8');
  const tasks = [...bpmn.matchAll(/<(?:\w+:)?(?:task|serviceTask)\b[^>]*\bid="([^"]+)"/g)].map(([, id]) => ({ task: id! }));
  const ends = [...bpmn.matchAll(/<(?:\w+:)?endEvent\b[^>]*\bid="([^"]+)"/g)].map(([, id]) => ({ endEvent: id! }));
  return [...tasks, ...ends];
}

describe.skipIf(apps.length === 0)('policy.xml of the fixture apps', () => {
  for (const name of apps) {
    it(`${name}: every role may do in every task exactly what the rules say`, () => {
      const appDir = path.join(fixtureAppsDir, name);
      const text = readFileSync(path.join(appDir, 'App/config/authorization/policy.xml'), 'utf8');
      const { policy: raw, problems } = parsePolicy(text);
      expect(problems.map((p) => p.message)).toEqual([]);
      const policy = resolvePlaceholders(raw!, { org: 'ttd', app: name });
      const rules = oracle(text, 'ttd', name);
      expect(policy.rules).toHaveLength(rules.length);

      const roles = valuesOf(policy, categories.subject, attributeIds.roleCode);
      const actions = [...new Set([...valuesOf(policy, categories.action, attributeIds.actionId), 'read', 'write', 'instantiate', 'delete', 'sign', 'confirm', 'reject', 'pay', 'complete'])];
      const places = [{}, ...processPlaces(appDir)];
      expect(roles.length).toBeGreaterThan(0);
      expect(places.length).toBeGreaterThan(1);
      let permits = 0;
      for (const role of [...roles, 'PRIV', 'UTINN']) {
        for (const place of places) {
          for (const action of actions) {
            const got = decide(policy, altinnRequest({ action, org: 'ttd', app: name, roles: [role], ...place })).decision;
            const expected = oracleAllows(rules, role, place, action) ? 'Permit' : 'NotApplicable';
            expect(got, `${role} ${action} in ${JSON.stringify(place)}`).toBe(expected);
            if (got === 'Permit') permits++;
          }
        }
      }
      expect(permits).toBeGreaterThan(0);
      // The app owner (urn:altinn:org) may write in any task, and complete at the end event, in every fixture.
      const end = places.find((p) => 'endEvent' in p) as { endEvent: string };
      expect(decide(policy, altinnRequest({ action: 'complete', org: 'ttd', app: name, subjectOrg: 'ttd', endEvent: end.endEvent })).decision).toBe('Permit');
      expect(decide(policy, altinnRequest({ action: 'complete', org: 'ttd', app: name, subjectOrg: 'skd', endEvent: end.endEvent })).decision).toBe('NotApplicable');
    });
  }

  it.skipIf(!apps.includes('signing-test'))('signing-test: the general manager signs in Task_2 but cannot write there; auditors sign in Task_3', () => {
    const text = readFileSync(path.join(fixtureAppsDir, 'signing-test/App/config/authorization/policy.xml'), 'utf8');
    const policy = resolvePlaceholders(parsePolicy(text).policy!, { org: 'ttd', app: 'signing-test' });
    const ask = (roles: string[], action: string, task: string) => decide(policy, altinnRequest({ action, org: 'ttd', app: 'signing-test', roles, task })).decision;
    expect(ask(['DAGL'], 'sign', 'Task_2')).toBe('Permit');
    expect(ask(['DAGL'], 'write', 'Task_2')).toBe('NotApplicable');
    expect(ask(['A0237'], 'sign', 'Task_3')).toBe('Permit');
    expect(ask(['A0237'], 'sign', 'Task_2')).toBe('NotApplicable');
    expect(ask(['A0240'], 'write', 'Task_1')).toBe('Permit');
  });
});
