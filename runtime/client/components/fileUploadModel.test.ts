import { describe, expect, it } from 'vitest';
import type { ExprEnvironment } from '../../../core/expressions';
import { UploadError } from '../api/dataApi';
import { fileStatus, messageText, screenFiles, statusText, uploadFailure, uploadText } from './fileUploadModel';

const env = (language: string, texts: { id: string; value: string }[] = []) => ({ language, textResources: texts }) as unknown as ExprEnvironment;
const file = (name: string, size = 10) => ({ name, size });

describe('screenFiles', () => {
  it('leaves out wrong endings and too large files, and uploads none when there is no room', () => {
    const limits = { validFileEndings: ['.pdf', 'png'], maxFileSizeInMB: 1, maxNumberOfAttachments: 3 };
    const { accepted, messages } = screenFiles([file('a.PDF'), file('b.txt'), file('c.png', 1024 * 1024 + 1)], limits, 0);
    expect(accepted.map((f) => f.name)).toEqual(['a.PDF']);
    expect(messages.map((m) => messageText(env('nb'), m))).toEqual(['b.txt er ikke blant de tillatte filtypene.', 'c.png overskrider tillatt filstørrelse.']);
    const full = screenFiles([file('a.pdf'), file('b.pdf')], limits, 2);
    expect(full.accepted).toEqual([]);
    expect(messageText(env('nb'), full.messages[0]!)).toBe('Du kan ikke laste opp flere enn 3 filer. Ingen filer ble lastet opp.');
    expect(messageText(env('en'), screenFiles([file('a.pdf')], { maxNumberOfAttachments: 1 }, 1).messages[0]!)).toBe('You cannot upload more than 1 file. No files were uploaded.');
    expect(screenFiles([file('x.any')], {}, 100).accepted).toHaveLength(1);
  });
});

describe('uploadFailure', () => {
  it("maps the server's codes and statuses to Altinn's texts", () => {
    const say = (e: unknown, lang = 'nb') => messageText(env(lang), uploadFailure(e, 'x.pdf', 2));
    expect(say(new UploadError(400, ['ContentTypeNotAllowed'], ''))).toBe('x.pdf er ikke blant de tillatte filtypene.');
    expect(say(new UploadError(400, ['DataElementTooLarge'], ''), 'nn')).toBe('x.pdf overskrid tillaten filstorleik.');
    expect(say(new UploadError(413, [], ''), 'en')).toBe('x.pdf exceeds the allowed file size.');
    expect(say(new UploadError(409, [], 'Cannot create more than 4 data elements of type t'))).toBe('Du kan ikke laste opp flere enn 4 filer. Ingen filer ble lastet opp.');
    expect(say(new UploadError(400, [], 'Invalid data provided. Error: The file is zero bytes.'), 'en')).toBe('There was a problem with the file x.pdf. Make sure the file has the right file type and does not exceed the max file size.');
    expect(say(new UploadError(0, [], 'offline'))).toBe('Noe gikk galt under opplastingen av filen, prøv igjen senere.');
  });

  it('lets app resources override the texts', () => {
    expect(uploadText(env('nb', [{ id: 'form_filler.file_uploader_empty', value: 'Tomt' }]), 'form_filler.file_uploader_empty')).toBe('Tomt');
  });
});

describe('fileStatus', () => {
  it('reads uploading, scanning, infected, not scanned and done', () => {
    const cases = [
      [{ progress: 0.426 }, true, 'Laster opp … 43 %'],
      [{ elementId: 'e', fileScanResult: 'Pending' }, true, 'Sjekkes for virus …'],
      [{ elementId: 'e', fileScanResult: 'Infected' }, true, 'Filen inneholder virus. Slett den og last opp en annen.'],
      [{ elementId: 'e', fileScanResult: 'NotApplicable' }, true, 'Ferdig lastet (ikke virussjekket i forhåndsvisningen)'],
      [{ elementId: 'e', fileScanResult: 'NotApplicable' }, false, 'Ferdig lastet'],
      [{ elementId: 'e', fileScanResult: 'Clean' }, true, 'Ferdig lastet'],
    ] as const;
    for (const [f, scan, text] of cases) expect(statusText(env('nb'), fileStatus(f, scan))).toBe(text);
    expect(statusText(env('en'), fileStatus({ elementId: 'e', fileScanResult: 'Pending' }, true))).toBe('Checking for viruses …');
  });
});
