/**
 * The policy decision: does a request (who, on what, doing which action) get Permit, Deny,
 * NotApplicable or Indeterminate from a policy. Targets are matched the way Altinn's PDP
 * (Altinn.Authorization.ABAC, `XacmlRule.MatchAttributes`) matches them: per category, a rule holds
 * when one of its AllOfs that names the category has every match of that category hold, and a rule
 * that names a category nowhere holds for any value of it. Rules are combined by the algorithm the
 * policy names.
 */
import { type Policy, type PolicyAnyOf, type PolicyMatch, type PolicyObligation, attributeIds, categories, obligationCategories } from './policy';

export type Decision = 'Permit' | 'Deny' | 'NotApplicable' | 'Indeterminate';

/** A request: for each category (urn), the attributes (urn → values) the caller has. */
export type PolicyRequest = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface PolicyDecision {
  readonly decision: Decision;
  /** Ids of the rules whose effect the decision took. */
  readonly rules: readonly string[];
  /** The policy's obligations for the decision (those whose FulfillOn equals it). */
  readonly obligations: readonly PolicyObligation[];
  /** Why the answer is not a plain match, e.g. an unknown combining algorithm or a missing attribute. */
  readonly note?: string;
}

type MatchResult = 'Match' | 'NoMatch' | 'Missing';

function valueMatches(m: PolicyMatch, actual: string): boolean {
  const name = m.matchId.slice(m.matchId.lastIndexOf(':') + 1);
  switch (name) {
    case 'string-equal':
      return actual === m.value;
    case 'string-equal-ignore-case':
      return actual.toLowerCase() === m.value.toLowerCase();
    case 'integer-equal':
      return /^[+-]?\d+$/.test(actual.trim()) && /^[+-]?\d+$/.test(m.value) && BigInt(actual.trim()) === BigInt(m.value);
    case 'boolean-equal':
      return actual.trim().toLowerCase() === m.value.toLowerCase();
    // XACML's (first, second) order: the policy's literal is the prefix/suffix/substring sought in the request's value.
    case 'string-starts-with':
      return actual.startsWith(m.value);
    case 'string-ends-with':
      return actual.endsWith(m.value);
    case 'string-contains':
      return actual.includes(m.value);
    default:
      return false;
  }
}

/** Does the target hold for the request's attributes of `category`? */
function matchCategory(target: readonly PolicyAnyOf[], request: PolicyRequest, category: string): MatchResult {
  const attributes = request[category] ?? {};
  let named = false;
  let missing = false;
  for (const anyOf of target) {
    for (const allOf of anyOf) {
      const matches = allOf.filter((m) => m.category === category);
      if (matches.length === 0) continue;
      named = true;
      const holds = matches.every((m) => {
        const values = attributes[m.attributeId];
        if (!values || values.length === 0) {
          if (m.mustBePresent) missing = true;
          return false;
        }
        return values.some((v) => valueMatches(m, v));
      });
      if (holds) return 'Match';
    }
  }
  if (!named) return 'Match';
  return missing ? 'Missing' : 'NoMatch';
}

/** Subject, resource and action of the target all hold (or Missing when a required attribute is absent). */
function matchTarget(target: readonly PolicyAnyOf[], request: PolicyRequest): MatchResult {
  const used = new Set<string>([categories.subject, categories.resource, categories.action]);
  for (const anyOf of target) for (const allOf of anyOf) for (const m of allOf) used.add(m.category);
  let result: MatchResult = 'Match';
  for (const category of used) {
    const r = matchCategory(target, request, category);
    if (r === 'NoMatch') return 'NoMatch';
    if (r === 'Missing') result = 'Missing';
  }
  return result;
}

const algorithmNames: Readonly<Record<string, string>> = {
  'deny-overrides': 'deny-overrides',
  'ordered-deny-overrides': 'deny-overrides',
  'permit-overrides': 'permit-overrides',
  'ordered-permit-overrides': 'permit-overrides',
  'first-applicable': 'first-applicable',
  'deny-unless-permit': 'deny-unless-permit',
  'permit-unless-deny': 'permit-unless-deny',
};

/** The short name of a rule-combining algorithm urn (`deny-overrides`, …), or null when unknown. */
export function combiningAlgorithm(urn: string): string | null {
  if (!/rule-combining-algorithm:/.test(urn)) return null;
  return algorithmNames[urn.slice(urn.lastIndexOf(':') + 1)] ?? null;
}

interface RuleOutcome {
  readonly id: string;
  readonly decision: Decision;
}

function combine(algorithm: string, outcomes: readonly RuleOutcome[]): { decision: Decision; rules: string[] } {
  const having = (d: Decision) => outcomes.filter((o) => o.decision === d).map((o) => o.id);
  const [permits, denies, unknowns] = [having('Permit'), having('Deny'), having('Indeterminate')];
  switch (algorithm) {
    case 'permit-overrides':
      if (permits.length > 0) return { decision: 'Permit', rules: permits };
      if (unknowns.length > 0) return { decision: 'Indeterminate', rules: unknowns };
      return denies.length > 0 ? { decision: 'Deny', rules: denies } : { decision: 'NotApplicable', rules: [] };
    case 'first-applicable': {
      const first = outcomes.find((o) => o.decision !== 'NotApplicable');
      return first ? { decision: first.decision, rules: [first.id] } : { decision: 'NotApplicable', rules: [] };
    }
    case 'deny-unless-permit':
      return permits.length > 0 ? { decision: 'Permit', rules: permits } : { decision: 'Deny', rules: [] };
    case 'permit-unless-deny':
      return denies.length > 0 ? { decision: 'Deny', rules: denies } : { decision: 'Permit', rules: [] };
    default:
      if (denies.length > 0) return { decision: 'Deny', rules: denies };
      if (unknowns.length > 0) return { decision: 'Indeterminate', rules: unknowns };
      return permits.length > 0 ? { decision: 'Permit', rules: permits } : { decision: 'NotApplicable', rules: [] };
  }
}

/** The policy's answer to `request`. An unknown combining algorithm is treated as deny-overrides (what Altinn's PDP does) and noted. */
export function decide(policy: Policy, request: PolicyRequest): PolicyDecision {
  const named = combiningAlgorithm(policy.combiningAlgorithm);
  const note = named ? undefined : `the rule-combining algorithm "${policy.combiningAlgorithm}" is not known; deny-overrides was used`;
  const withNote = (d: Omit<PolicyDecision, 'note'>): PolicyDecision => (note ? { ...d, note } : d);
  const policyTarget = matchTarget(policy.target, request);
  if (policyTarget !== 'Match') return withNote({ decision: policyTarget === 'Missing' ? 'Indeterminate' : 'NotApplicable', rules: [], obligations: [] });
  const outcomes = policy.rules.map((rule): RuleOutcome => {
    const match = matchTarget(rule.target, request);
    return { id: rule.id, decision: match === 'Match' ? rule.effect : match === 'Missing' ? 'Indeterminate' : 'NotApplicable' };
  });
  const { decision, rules } = combine(named ?? 'deny-overrides', outcomes);
  const obligations = decision === 'Permit' || decision === 'Deny' ? policy.obligations.filter((o) => o.fulfillOn === decision) : [];
  return withNote({ decision, rules, obligations });
}

/** What an Altinn app asks about: the user's roles and org, the app (and task or end event), and the action. */
export interface AltinnRequest {
  readonly action: string;
  readonly org: string;
  readonly app: string;
  /** Role codes the user has for the party (PRIV, DAGL, REGNA, …). */
  readonly roles?: readonly string[];
  /** The service owner code the user acts for (`urn:altinn:org` as a subject), e.g. `ttd`. */
  readonly subjectOrg?: string;
  readonly userId?: number;
  readonly partyId?: string;
  /** The instance's current task; absent before instantiation and after the process ended. */
  readonly task?: string;
  /** The end event an ended process reached. */
  readonly endEvent?: string;
  /** An app resource (`events`) instead of an instance. */
  readonly appResource?: string;
}

/** The XACML request Altinn's PEP builds for `request`. */
export function altinnRequest(request: AltinnRequest): PolicyRequest {
  const subject: Record<string, string[]> = {};
  if (request.roles && request.roles.length > 0) subject[attributeIds.roleCode] = [...request.roles];
  if (request.subjectOrg) subject[attributeIds.org] = [request.subjectOrg];
  if (request.userId !== undefined) subject[attributeIds.userId] = [String(request.userId)];
  const resource: Record<string, string[]> = { [attributeIds.org]: [request.org], [attributeIds.app]: [request.app] };
  if (request.partyId) resource[attributeIds.partyId] = [request.partyId];
  if (request.task) resource[attributeIds.task] = [request.task];
  else if (request.endEvent) resource[attributeIds.endEvent] = [request.endEvent];
  if (request.appResource) resource[attributeIds.appResource] = [request.appResource];
  return { [categories.subject]: subject, [categories.resource]: resource, [categories.action]: { [attributeIds.actionId]: [request.action] } };
}

/**
 * Whether an authentication level satisfies a Permit's obligations, as Altinn's PEP checks them: the
 * minimum level, or for an organisation the (usually lower) minimum for organisations.
 */
export function authenticationLevelMet(obligations: readonly PolicyObligation[], level: number, isOrganisation: boolean): { readonly met: boolean; readonly required: number } {
  const find = (category: string) => {
    for (const o of obligations) for (const a of o.assignments) if (a.category === category && /^\d+$/.test(a.value)) return Number(a.value);
    return null;
  };
  const minimum = find(obligationCategories.minimumAuthenticationLevel);
  if (minimum === null || level >= minimum) return { met: true, required: minimum ?? 0 };
  const forOrganisations = isOrganisation ? find(obligationCategories.minimumAuthenticationLevelOrg) : null;
  if (forOrganisations !== null) return { met: level >= forOrganisations, required: forOrganisations };
  return { met: false, required: minimum };
}
