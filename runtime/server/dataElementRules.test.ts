import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, type DataTypeRules, filenameOf, mimeTypeOfFilename, uploadRestrictionIssues } from './dataElementRules';

describe('Content-Disposition file names (RFC 6266)', () => {
  it('reads filename and prefers filename*', () => {
    expect(filenameOf('attachment; filename="a b.pdf"')).toBe('a b.pdf');
    expect(filenameOf('attachment; filename=plain.pdf')).toBe('plain.pdf');
    expect(filenameOf('attachment; filename="q\\"uote;d.pdf"')).toBe('q"uote;d.pdf');
    expect(filenameOf(`attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf; filename="EUR rates.pdf"`)).toBe('€ rates.pdf');
    expect(filenameOf(`attachment; filename*=iso-8859-1'en'%E6%F8%E5.txt`)).toBe('æøå.txt');
    expect(filenameOf(`attachment; FILENAME*=UTF-8''%FF%FE.pdf; filename="fallback.pdf"`)).toBe('fallback.pdf');
    expect(filenameOf('attachment; filename="C:\\fakepath\\x.pdf"')).toBe('x.pdf');
    expect(filenameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameOf('attachment')).toBeNull();
    expect(filenameOf(undefined)).toBeNull();
  });

  it('writes a header that reads back to the same name, for any name', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !/[\\/]/.test(s) && s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(name, (n) => {
        expect(filenameOf(contentDisposition(n))).toBe(n);
      }),
    );
  });
});

describe('upload restrictions', () => {
  const type: DataTypeRules = { id: 't', allowedContentTypes: ['application/pdf'], maxSize: 2, minCount: 0, maxCount: 0, enableFileScan: false, validationErrorOnPendingFileScan: false };
  const check = (contentType: string, name: string, size = 10) => uploadRestrictionIssues(type, { contentType, disposition: `attachment; filename="${name}"`, size }).map((i) => i.code);

  it('accepts a matching file and knows endings case-insensitively', () => {
    expect(check('application/pdf', 'a.PDF')).toEqual([]);
    expect(mimeTypeOfFilename('x.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mimeTypeOfFilename('x.unknownending')).toBe('application/octet-stream');
  });

  it('checks the size in MB, the ending, and a missing content type', () => {
    expect(check('application/pdf', 'a.pdf', 2 * 1024 * 1024)).toEqual([]);
    expect(check('application/pdf', 'a.pdf', 2 * 1024 * 1024 + 1)).toEqual(['DataElementTooLarge']);
    expect(check('', 'a.pdf')).toEqual(['ContentTypeNotAllowed']);
    expect(check('image/png', 'a.png')).toEqual(['ContentTypeNotAllowed']);
    expect(uploadRestrictionIssues({ ...type, allowedContentTypes: [] }, { contentType: 'x/y', disposition: 'attachment; filename="any.bin"', size: 1 })).toEqual([]);
    expect(uploadRestrictionIssues({ ...type, allowedContentTypes: ['application/octet-stream'] }, { contentType: 'image/png', disposition: 'attachment; filename="a.png"', size: 1 })).toEqual([]);
  });
});
