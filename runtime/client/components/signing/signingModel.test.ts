import { describe, expect, it } from 'vitest';
import { createSigningApi, messageOf, type SigneeStateInfo } from '../../api/signingApi';
import { allSigned, documentName, movesOnAfterSigning, signeeStatus, signingPanel, signingTexts } from './signingModel';

const signee = (partyId: number, signedTime: string | null, extra: Partial<SigneeStateInfo> = {}): SigneeStateInfo => ({ name: `P${partyId}`, organization: 'Testbedrift AS', signedTime, delegationSuccessful: true, notificationStatus: 'NotSent', partyId, ...extra });

describe('the signing model', () => {
  it('tags each signee as the SigneeList does', () => {
    expect(signeeStatus(signee(1, '2026-01-01T00:00:00Z'))).toBe('signed');
    expect(signeeStatus(signee(1, null))).toBe('waiting');
    expect(signeeStatus(signee(1, null, { delegationSuccessful: false }))).toBe('delegationFailed');
    expect(signeeStatus(signee(1, null, { notificationStatus: 'Failed' }))).toBe('notificationFailed');
  });

  it('offers sign to a signee who has not signed, waits for the others, and submits when all signed', () => {
    const two = [signee(50002, null), signee(50003, null)];
    expect(signingPanel({ signees: two, userPartyId: '50002', maySign: true, mayWrite: false })).toBe('sign');
    const one = [signee(50002, 'now'), signee(50003, null)];
    expect(signingPanel({ signees: one, userPartyId: '50002', maySign: true, mayWrite: false })).toBe('awaiting');
    expect(signingPanel({ signees: one, userPartyId: '50004', maySign: false, mayWrite: false })).toBe('none');
    const both = [signee(50002, 'now'), signee(50003, 'now')];
    expect(signingPanel({ signees: both, userPartyId: '50002', maySign: true, mayWrite: false })).toBe('submit');
    expect(movesOnAfterSigning(one)).toBe(false);
    expect(movesOnAfterSigning(both)).toBe(true);
    expect(allSigned([])).toBe(false);
  });

  it('names documents by file name, else data type; has nb, nn and en texts for the same keys', () => {
    expect(documentName({ id: '1', dataType: 'form', contentType: 'application/xml', size: 3 })).toBe('form');
    expect(documentName({ id: '1', dataType: 'att', filename: 'a.pdf', contentType: 'application/pdf', size: 3 })).toBe('a.pdf');
    expect(Object.keys(signingTexts('en')).sort()).toEqual(Object.keys(signingTexts('nb')).sort());
    expect(Object.keys(signingTexts('nn')).sort()).toEqual(Object.keys(signingTexts('nb')).sort());
    expect(signingTexts('de')).toBe(signingTexts('nb'));
  });
});

describe('the signing API client', () => {
  it('posts the sign action and returns the server reason of a refusal', async () => {
    const requests: { url: string; init?: RequestInit }[] = [];
    const api = createSigningApi('/acme/app/', async (url, init) => {
      requests.push({ url, ...(init ? { init } : {}) });
      return new Response(JSON.stringify({ success: false, error: { code: 'AlreadySigned', message: 'Kari has already signed' } }), { status: 409 });
    });
    expect(await api.sign('501/abc', 'nb')).toEqual({ ok: false, status: 409, code: 'AlreadySigned', message: 'Kari has already signed' });
    expect(requests[0]!.url).toBe('/acme/app/instances/501/abc/actions?language=nb');
    expect(JSON.parse(String(requests[0]!.init?.body))).toEqual({ action: 'sign' });
    expect(messageOf('{"status":403,"message":"no"}')).toBe('no');
    expect(messageOf('not json')).toBeNull();
  });

  it('reads signee states and documents of a task', async () => {
    const api = createSigningApi('/acme/app/', async (url) => new Response(JSON.stringify(url.includes('data-elements') ? { dataElements: [{ id: 'd' }] } : { signeeStates: [signee(1, null)] }), { status: 200 }));
    expect(await api.signees('501/abc', 'Task_Sign', 'nb')).toHaveLength(1);
    expect(await api.documents('501/abc', 'Task_Sign')).toEqual([{ id: 'd' }]);
    expect(api.documentHref('501/abc', 'd 1')).toBe('/acme/app/instances/501/abc/data/d%201');
  });
});
