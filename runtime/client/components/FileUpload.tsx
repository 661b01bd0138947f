/**
 * FileUpload and FileUploadWithTag: a file field (valid endings, max size and count from the
 * config) and the list of chosen files with name, size, tag and a delete button. The runtime API
 * has no attachment route, so files stay in the preview (said in the UI).
 */
import { Button, Input, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { resolveOptions } from '../options/options';
import { useFormState, useFormStore } from '../state/FormContext';
import { attachmentActions, fileProblem, useAttachments } from './attachments';
import { fileSize, previewNotices, uiText } from './componentTexts';
import { describedBy, FieldShell } from './FieldShell';
import type { ComponentProps } from './registry';
import { fieldId, useNode } from './useNode';

const endingsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : typeof v === 'string' ? v.split(',') : []);

function makeUpload(withTag: boolean) {
  return function FileUpload({ node }: ComponentProps) {
    const api = useNode(node);
    const env = api.derived.env;
    const store = useFormStore();
    const codeLists = useFormState((s) => s.codeLists);
    const files = useAttachments({ owner: node.id });
    const [problems, setProblems] = useState<string[]>([]);
    const optionsId = typeof node.config.optionsId === 'string' ? node.config.optionsId : undefined;
    useEffect(() => {
      if (withTag && optionsId) void store.actions.ensureCodeList(optionsId);
    }, [optionsId, store]);
    const tags = withTag ? (resolveOptions(node, env, codeLists) ?? []) : [];
    const validFileEndings = node.config.hasCustomFileEndings === false ? [] : endingsOf(node.config.validFileEndings);
    const maxSize = typeof api.prop('maxFileSizeInMB') === 'number' ? (api.prop('maxFileSizeInMB') as number) : undefined;
    const maxCount = typeof api.prop('maxNumberOfAttachments') === 'number' ? (api.prop('maxNumberOfAttachments') as number) : undefined;
    const full = maxCount !== undefined && files.length >= maxCount;
    const noticeId = `${fieldId(node)}-preview`;
    const described = describedBy(node, api)['aria-describedby'];

    const choose = (list: FileList | null) => {
      const found: string[] = [];
      let count = files.length;
      for (const file of Array.from(list ?? [])) {
        const problem = fileProblem(file, { validFileEndings, maxFileSizeInMB: maxSize });
        if (problem?.kind === 'ending') found.push(uiText(env, 'form_filler.file_uploader_wrong_ending', file.name, problem.allowed));
        else if (problem?.kind === 'size') found.push(uiText(env, 'form_filler.file_uploader_too_large', file.name, problem.max));
        else if (maxCount !== undefined && count >= maxCount) found.push(uiText(env, 'form_filler.file_uploader_too_many', maxCount));
        else {
          attachmentActions.add(node.baseId, node.id, file);
          count += 1;
        }
      }
      setProblems(found);
    };

    return (
      <FieldShell node={node} api={api}>
        <Paragraph id={noticeId} data-size="sm">
          {previewNotices.attachments}
        </Paragraph>
        <Input
          id={fieldId(node)}
          type="file"
          multiple={maxCount === undefined || maxCount > 1}
          accept={validFileEndings.length > 0 ? validFileEndings.map((e) => (e.trim().startsWith('.') ? e.trim() : `.${e.trim()}`)).join(',') : undefined}
          disabled={api.readOnly || full}
          aria-describedby={[noticeId, described].filter(Boolean).join(' ')}
          onChange={(e) => {
            choose(e.target.files);
            e.target.value = '';
          }}
        />
        {problems.map((p) => (
          <ValidationMessage key={p} data-color="danger">
            {p}
          </ValidationMessage>
        ))}
        {files.length === 0 ? (
          <Paragraph data-size="sm">{uiText(env, 'form_filler.file_uploader_empty')}</Paragraph>
        ) : (
          <Table data-size="sm" data-testid={`files-${node.id}`}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{uiText(env, 'form_filler.file_uploader_list_header_file_name')}</Table.HeaderCell>
                <Table.HeaderCell>{uiText(env, 'form_filler.file_uploader_list_header_file_size')}</Table.HeaderCell>
                {withTag && <Table.HeaderCell>{api.text('tagTitle') ?? uiText(env, 'form_filler.file_uploader_list_header_tag')}</Table.HeaderCell>}
                <Table.HeaderCell>
                  <span className="ds-sr-only">{uiText(env, 'form_filler.file_uploader_list_delete')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {files.map((f) => (
                <Table.Row key={f.id}>
                  <Table.Cell>{f.name}</Table.Cell>
                  <Table.Cell>{fileSize(f.size)}</Table.Cell>
                  {withTag && (
                    <Table.Cell>
                      <Select
                        aria-label={uiText(env, 'form_filler.file_uploader_choose_tag', f.name)}
                        value={f.tag ?? ''}
                        disabled={api.readOnly}
                        onChange={(e) => attachmentActions.tag(f.id, e.target.value || undefined)}
                      >
                        <Select.Option value="">{env.builtInTexts?.['general.choose'] ?? '…'}</Select.Option>
                        {tags.map((t) => (
                          <Select.Option key={t.value} value={t.value}>
                            {t.label}
                          </Select.Option>
                        ))}
                      </Select>
                    </Table.Cell>
                  )}
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" disabled={api.readOnly} onClick={() => attachmentActions.remove(f.id)}>
                      {uiText(env, 'form_filler.file_uploader_list_delete')}
                      <span className="ds-sr-only"> {f.name}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </FieldShell>
    );
  };
}

export const FileUpload = makeUpload(false);
export const FileUploadWithTag = makeUpload(true);
