/**
 * Altinn's party selection (`#/party-selection`): "who do you want to represent?", the parties that
 * may start the app with a filter, sub-units under their parent; and the no-valid-party message when
 * none may. Texts through `t` (the app's texts first, then Altinn's defaults).
 */
import { Alert, Card, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { PartyPrompt } from '../state/loadForm';
import { type AltinnParty, allowedPartyKinds, maskedPersonNumber, type PartyKind, partyKindOf, partyKindsText, partyList } from './partySelection';
import type { ProcessTextFn } from './ProcessScreens';

const kindKeys: Readonly<Record<PartyKind, string>> = {
  person: 'party_selection.unit_type_private_person',
  organisation: 'party_selection.unit_type_company',
  subUnit: 'party_selection.unit_type_subunit',
  bankruptcyEstate: 'party_selection.unit_type_bankruptcy_state',
};

/** The line under a party's name: its number (a birth number masked) and its type. */
function partyDetails(t: ProcessTextFn, party: AltinnParty): string {
  const kind = partyKindOf(party);
  const number = kind === 'person' ? `${t('party_selection.unit_personal_number')} ${maskedPersonNumber(party.ssn)}` : `${t('party_selection.unit_org_number')} ${party.orgNumber ?? ''}`;
  const type = kind === 'person' || !party.unitType ? t(kindKeys[kind]) : `${t(kindKeys[kind])} (${party.unitType})`;
  return `${number} · ${type}`;
}

function PartyChoice({ t, party, busy, onChoose }: { t: ProcessTextFn; party: AltinnParty; busy: boolean; onChoose: (partyId: string) => void }) {
  return (
    <Card asChild data-color="neutral" className="rt-party">
      <button type="button" disabled={busy} onClick={() => onChoose(String(party.partyId))} data-party-id={String(party.partyId)}>
        <span className="rt-party-name">{party.name}</span>
        <span className="rt-party-details">{partyDetails(t, party)}</span>
      </button>
    </Card>
  );
}

export function PartySelection({ t, prompt, busy, onChoose }: { t: ProcessTextFn; prompt: PartyPrompt; busy: boolean; onChoose: (partyId: string) => void }) {
  const [filter, setFilter] = useState('');
  const [showSubUnits, setShowSubUnits] = useState(true);
  const allowed = prompt.metadata.partyTypesAllowed;
  const entries = partyList(prompt.parties, allowed, filter);
  const hasSubUnits = partyList(prompt.parties, allowed).some((e) => e.subUnits.length > 0);
  const kinds = partyKindsText(allowedPartyKinds(allowed), (kind) => t(kindKeys[kind]), t('party_selection.binding_word'));
  const reason = prompt.entry.kind === 'select' ? prompt.entry.reason : null;
  return (
    <section className="rt-party-selection" data-testid="party-selection" aria-busy={busy}>
      <Heading level={2} data-size="md">
        {t('party_selection.header')}
      </Heading>
      {reason === 'invalid' && (
        <Alert data-color="warning" id="party-selection-error">
          {t('party_selection.invalid_selection_existing_party', [prompt.currentPartyName ?? '?', kinds])}
        </Alert>
      )}
      {prompt.error && (
        <Alert data-color="danger" role="alert">
          {prompt.error}
        </Alert>
      )}
      <Textfield label={t('party_selection.search_placeholder')} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      <div className="rt-party-subheader">
        <Paragraph data-size="md">{t('party_selection.subheader')}</Paragraph>
        {hasSubUnits && <Checkbox label={t('party_selection.show_sub_unit')} checked={showSubUnits} onChange={() => setShowSubUnits(!showSubUnits)} data-size="sm" />}
      </div>
      {entries.length === 0 ? (
        <Paragraph>{t('party_selection.no_match')}</Paragraph>
      ) : (
        <ul className="rt-party-list">
          {entries.map((entry) => (
            <li key={String(entry.party.partyId)}>
              {entry.selectable ? (
                <PartyChoice t={t} party={entry.party} busy={busy} onChoose={onChoose} />
              ) : (
                <Card data-color="neutral" data-variant="tinted" className="rt-party">
                  <span className="rt-party-name">{entry.party.name}</span>
                  <span className="rt-party-details">{partyDetails(t, entry.party)}</span>
                </Card>
              )}
              {showSubUnits && entry.subUnits.length > 0 && (
                <ul className="rt-party-list rt-party-subunits" aria-label={`${entry.subUnits.length} ${t(entry.subUnits.length === 1 ? 'party_selection.unit_type_subunit' : 'party_selection.unit_type_subunit_plural')}`}>
                  {entry.subUnits.map((sub) => (
                    <li key={String(sub.partyId)}>
                      <PartyChoice t={t} party={sub} busy={busy} onChoose={onChoose} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {reason === 'explained' && (
        <>
          <Heading level={3} data-size="xs">
            {t('party_selection.why_seeing_this')}
          </Heading>
          <Paragraph>{t(prompt.metadata.promptForParty === 'always' ? 'party_selection.seeing_this_override' : 'party_selection.seeing_this_preference')}</Paragraph>
        </>
      )}
    </section>
  );
}

/** Altinn's "no valid party" page: the app is for other party types than the user may act for. */
export function NoValidParty({ t, prompt }: { t: ProcessTextFn; prompt: PartyPrompt }) {
  const kinds = partyKindsText(allowedPartyKinds(prompt.metadata.partyTypesAllowed), (kind) => t(kindKeys[kind]), t('party_selection.no_valid_selection_binding_word'));
  return (
    <section className="rt-party-selection" data-testid="no-valid-party">
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="sm">
          {t('party_selection.no_valid_selection_first_part', [kinds])}
        </Heading>
        <Paragraph>
          {t('party_selection.no_valid_selection_second_part', [prompt.appName])} {t('party_selection.no_valid_selection_third_part', [kinds])}
        </Paragraph>
        <Paragraph data-size="sm">{`${t('party_selection.error_caption_prefix')} 403`}</Paragraph>
      </Alert>
    </section>
  );
}
