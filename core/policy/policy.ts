/**
 * The XACML 3.0 subset Altinn apps write in App/config/authorization/policy.xml (§5.10): one Policy of
 * Rules, each with an Effect and a Target of AnyOf/AllOf/Match elements comparing a literal with a
 * subject, resource or action attribute, and ObligationExpressions that carry the minimum
 * authentication level. Read tolerantly: what cannot be understood is reported, never thrown.
 */
import { type TextProblem, problemAt } from '../text/textPosition';
import { type XmlDocument, type XmlElement, parseXml } from '../text/xmlDocument';
import { attributeValue, childrenByLocalName, firstChild } from '../text/xmlQuery';

/** The attribute categories Altinn policies use. */
export const categories = {
  subject: 'urn:oasis:names:tc:xacml:1.0:subject-category:access-subject',
  resource: 'urn:oasis:names:tc:xacml:3.0:attribute-category:resource',
  action: 'urn:oasis:names:tc:xacml:3.0:attribute-category:action',
} as const;

/** Attribute ids Altinn policies and requests use. */
export const attributeIds = {
  roleCode: 'urn:altinn:rolecode',
  org: 'urn:altinn:org',
  app: 'urn:altinn:app',
  task: 'urn:altinn:task',
  endEvent: 'urn:altinn:end-event',
  event: 'urn:altinn:event',
  appResource: 'urn:altinn:appresource',
  partyId: 'urn:altinn:partyid',
  userId: 'urn:altinn:userid',
  partyType: 'urn:altinn:partytype',
  resource: 'urn:altinn:resource',
  actionId: 'urn:oasis:names:tc:xacml:1.0:action:action-id',
} as const;

/** Obligation categories the policy enforcement point (the app) checks on Permit. */
export const obligationCategories = {
  minimumAuthenticationLevel: 'urn:altinn:minimum-authenticationlevel',
  minimumAuthenticationLevelOrg: 'urn:altinn:minimum-authenticationlevel-org',
} as const;

/** One `<Match>`: does the request's `attributeId` in `category` compare equal (by `matchId`) to `value`? */
export interface PolicyMatch {
  readonly matchId: string;
  readonly value: string;
  readonly category: string;
  readonly attributeId: string;
  readonly mustBePresent: boolean;
}

/** `<AllOf>`: every match holds. */
export type PolicyAllOf = readonly PolicyMatch[];
/** `<AnyOf>`: one of the AllOfs holds. */
export type PolicyAnyOf = readonly PolicyAllOf[];

export interface PolicyRule {
  readonly id: string;
  readonly effect: 'Permit' | 'Deny';
  readonly description: string;
  /** The AnyOfs of the rule's Target; empty = the rule applies to every request. */
  readonly target: readonly PolicyAnyOf[];
}

/** An attribute an obligation assigns, e.g. the minimum authentication level. */
export interface PolicyObligation {
  readonly id: string;
  readonly fulfillOn: 'Permit' | 'Deny';
  readonly assignments: readonly { readonly attributeId: string; readonly category: string; readonly value: string }[];
}

export interface Policy {
  readonly id: string;
  /** The RuleCombiningAlgId as written (urn of deny-overrides, permit-overrides, first-applicable, …). */
  readonly combiningAlgorithm: string;
  /** The policy's own Target (Altinn writes an empty one). */
  readonly target: readonly PolicyAnyOf[];
  readonly rules: readonly PolicyRule[];
  readonly obligations: readonly PolicyObligation[];
}

export interface PolicyReadResult {
  /** Null when the file has no `<Policy>` root at all. */
  readonly policy: Policy | null;
  readonly problems: readonly TextProblem[];
}

/** Match functions this evaluator understands (others make their Match false and are reported). */
export const knownMatchFunctions = new Set([
  'urn:oasis:names:tc:xacml:1.0:function:string-equal',
  'urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case',
  'urn:oasis:names:tc:xacml:1.0:function:integer-equal',
  'urn:oasis:names:tc:xacml:1.0:function:boolean-equal',
  'urn:oasis:names:tc:xacml:3.0:function:string-starts-with',
  'urn:oasis:names:tc:xacml:3.0:function:string-ends-with',
  'urn:oasis:names:tc:xacml:3.0:function:string-contains',
]);

function readTarget(target: XmlElement | undefined, report: (el: XmlElement, message: string) => void): PolicyAnyOf[] {
  if (!target) return [];
  return childrenByLocalName(target, 'AnyOf').map((anyOf) =>
    childrenByLocalName(anyOf, 'AllOf').map((allOf) =>
      childrenByLocalName(allOf, 'Match').flatMap((match): PolicyMatch[] => {
        const matchId = attributeValue(match, 'MatchId') ?? '';
        const value = firstChild(match, 'AttributeValue');
        const designator = firstChild(match, 'AttributeDesignator');
        if (!value || !designator) {
          report(match, 'a <Match> needs an <AttributeValue> and an <AttributeDesignator> (an <AttributeSelector> is not supported)');
          return [];
        }
        if (!knownMatchFunctions.has(matchId)) report(match, `the match function "${matchId}" is not supported; this match never holds`);
        return [
          {
            matchId,
            value: value.text.trim(),
            category: attributeValue(designator, 'Category') ?? '',
            attributeId: attributeValue(designator, 'AttributeId') ?? '',
            mustBePresent: attributeValue(designator, 'MustBePresent')?.trim().toLowerCase() === 'true',
          },
        ];
      }),
    ),
  );
}

function readObligations(policy: XmlElement): PolicyObligation[] {
  const container = firstChild(policy, 'ObligationExpressions');
  if (!container) return [];
  return childrenByLocalName(container, 'ObligationExpression').map((expression) => ({
    id: attributeValue(expression, 'ObligationId') ?? '',
    fulfillOn: attributeValue(expression, 'FulfillOn') === 'Deny' ? 'Deny' : 'Permit',
    assignments: childrenByLocalName(expression, 'AttributeAssignmentExpression').map((assignment) => ({
      attributeId: attributeValue(assignment, 'AttributeId') ?? '',
      category: attributeValue(assignment, 'Category') ?? '',
      value: firstChild(assignment, 'AttributeValue')?.text.trim() ?? '',
    })),
  }));
}

/** Reads a parsed policy.xml. Never throws. */
export function readPolicy(doc: XmlDocument): PolicyReadResult {
  const problems: TextProblem[] = [...doc.problems];
  const report = (el: XmlElement, message: string) => problems.push(problemAt(doc.text, el.start, message));
  const root = doc.root;
  if (!root || root.localName !== 'Policy') {
    problems.push(problemAt(doc.text, root?.start ?? 0, root?.localName === 'PolicySet' ? 'a <PolicySet> is not supported; Altinn apps have one <Policy>' : 'the file has no <Policy> root element'));
    return { policy: null, problems };
  }
  const rules = childrenByLocalName(root, 'Rule').map((rule): PolicyRule => {
    const effect = attributeValue(rule, 'Effect');
    if (effect !== 'Permit' && effect !== 'Deny') report(rule, `a rule's Effect must be Permit or Deny, not "${effect ?? ''}"; it is read as Deny`);
    if (firstChild(rule, 'Condition')) report(rule, 'a rule <Condition> is not supported; the rule is evaluated without it');
    return {
      id: attributeValue(rule, 'RuleId') ?? '',
      effect: effect === 'Permit' ? 'Permit' : 'Deny',
      description: firstChild(rule, 'Description')?.text.trim() ?? '',
      target: readTarget(firstChild(rule, 'Target'), report),
    };
  });
  const policy: Policy = {
    id: attributeValue(root, 'PolicyId') ?? '',
    combiningAlgorithm: attributeValue(root, 'RuleCombiningAlgId') ?? '',
    target: readTarget(firstChild(root, 'Target'), report),
    rules,
    obligations: readObligations(root),
  };
  return { policy, problems };
}

/** Parses policy.xml text (a leading BOM is fine). Never throws. */
export function parsePolicy(text: string): PolicyReadResult {
  return readPolicy(parseXml(text.replace(/^\uFEFF/, '')));
}

/**
 * The policy with Studio's placeholders `[ORG]` and `[APP]` (any case) replaced by the app's org and
 * name, as the deployment does before the policy reaches Altinn Authorization.
 */
export function resolvePlaceholders(policy: Policy, names: { readonly org: string; readonly app: string }): Policy {
  const resolve = (value: string) => value.replace(/\[org\]/gi, names.org).replace(/\[app\]/gi, names.app);
  const target = (anyOfs: readonly PolicyAnyOf[]) => anyOfs.map((anyOf) => anyOf.map((allOf) => allOf.map((m) => ({ ...m, value: resolve(m.value) }))));
  return { ...policy, target: target(policy.target), rules: policy.rules.map((rule) => ({ ...rule, target: target(rule.target) })) };
}

/** Every value the policy compares attribute `attributeId` of `category` with, in order of first use. */
export function valuesOf(policy: Policy, category: string, attributeId: string): string[] {
  const found = new Set<string>();
  for (const rule of policy.rules) {
    for (const anyOf of rule.target) for (const allOf of anyOf) for (const m of allOf) if (m.category === category && m.attributeId === attributeId) found.add(m.value);
  }
  return [...found];
}
