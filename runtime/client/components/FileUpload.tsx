/**
 * FileUpload and FileUploadWithTag: a file field (valid endings, max size and count from the
 * config) that uploads each file to the instance's data routes with progress, and the list of the
 * data type's stored files with status (uploading, checking for viruses, infected), tag and delete.
 * Refusals, the component's own and the server's, are shown in Altinn's words.
 */
import { Button, Input, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { type DataApi, type DataTypeInfo, pageDataApi } from '../api/dataApi';
import { resolveOptions } from '../options/options';
import { useFormState, useFormStore } from '../state/FormContext';
import { attachmentActions, useAttachments } from './attachments';
import { fileSize } from './componentTexts';
import { describedBy, FieldShell } from './FieldShell';
import { fileStatus, messageText, screenFiles, statusText, type UploadMessage, uploadFailure, uploadText } from './fileUploadModel';
import type { ComponentProps } from './registry';
import { fieldId, useNode } from './useNode';

const endingsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : typeof v === 'string' ? v.split(',') : []);

let dataTypesOnce: Promise<DataTypeInfo[]> | null = null;
/** The app's data types, read once per page. */
function dataTypesOf(api: DataApi): Promise<DataTypeInfo[]> {
  dataTypesOnce ??= api.dataTypes().catch(() => {
    dataTypesOnce = null;
    return [];
  });
  return dataTypesOnce;
}

/** Reads the instance's stored files again, and keeps doing so while one of them is being scanned. */
function useStoredFiles(api: DataApi | null, instanceId: string | null, dataType: string, scanning: boolean): void {
  useEffect(() => {
    if (!api || !instanceId) return;
    let stopped = false;
    void api
      .elements(instanceId)
      .then((elements) => !stopped && attachmentActions.sync(instanceId, elements, [dataType]))
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [api, instanceId, dataType]);
  useEffect(() => {
    if (!api || !instanceId || !scanning) return;
    const timer = setTimeout(() => {
      void api
        .elements(instanceId)
        .then((elements) => attachmentActions.sync(instanceId, elements, [dataType]))
        .catch(() => undefined);
    }, 1500);
    return () => clearTimeout(timer);
  });
}

function makeUpload(withTag: boolean) {
  return function FileUpload({ node }: ComponentProps) {
    const api = useNode(node);
    const env = api.derived.env;
    const store = useFormStore();
    const codeLists = useFormState((s) => s.codeLists);
    const instanceId = useFormState((s) => s.defs?.instance?.id ?? null);
    const dataApi = useMemo(() => (instanceId ? pageDataApi() : null), [instanceId]);
    const dataType = node.baseId;
    const files = useAttachments({ dataTypes: [dataType], owners: [node.id, dataType] });
    const [messages, setMessages] = useState<UploadMessage[]>([]);
    const [typeInfo, setTypeInfo] = useState<DataTypeInfo | undefined>();
    const optionsId = typeof node.config.optionsId === 'string' ? node.config.optionsId : undefined;
    useEffect(() => {
      if (withTag && optionsId) void store.actions.ensureCodeList(optionsId);
    }, [optionsId, store]);
    useEffect(() => {
      if (dataApi) void dataTypesOf(dataApi).then((types) => setTypeInfo(types.find((t) => t.id === dataType)));
    }, [dataApi, dataType]);
    useStoredFiles(dataApi, instanceId, dataType, files.some((f) => f.fileScanResult === 'Pending'));
    const tags = withTag ? (resolveOptions(node, env, codeLists) ?? []) : [];
    const validFileEndings = node.config.hasCustomFileEndings === false ? [] : endingsOf(node.config.validFileEndings);
    const maxSize = typeof api.prop('maxFileSizeInMB') === 'number' ? (api.prop('maxFileSizeInMB') as number) : undefined;
    const maxCount = typeof api.prop('maxNumberOfAttachments') === 'number' ? (api.prop('maxNumberOfAttachments') as number) : undefined;
    const full = maxCount !== undefined && maxCount > 0 && files.length >= maxCount;
    const described = describedBy(node, api)['aria-describedby'];
    const infoId = `${fieldId(node)}-limits`;
    const fail = (m: UploadMessage) => setMessages((list) => [...list, m]);

    const choose = (list: FileList | null) => {
      if (!dataApi || !instanceId) return;
      const { accepted, messages: found } = screenFiles(Array.from(list ?? []), { validFileEndings, ...(maxSize !== undefined ? { maxFileSizeInMB: maxSize } : {}), ...(maxCount !== undefined ? { maxNumberOfAttachments: maxCount } : {}) }, files.length);
      setMessages(found);
      for (const file of accepted) {
        const localId = attachmentActions.add(dataType, node.id, file);
        dataApi
          .upload(instanceId, dataType, file, (fraction) => attachmentActions.progress(localId, fraction))
          .then((element) => attachmentActions.stored(localId, element))
          .catch((error: unknown) => {
            attachmentActions.remove(localId);
            fail(uploadFailure(error, file.name, maxCount));
          });
      }
    };
    const remove = (id: string, elementId: string) => {
      if (!dataApi || !instanceId) return;
      dataApi
        .remove(instanceId, elementId)
        .then(() => attachmentActions.remove(id))
        .catch(() => fail({ key: 'form_filler.file_uploader_validation_error_delete' }));
    };
    const retag = (id: string, elementId: string, previous: string | undefined, tag: string | undefined) => {
      if (!dataApi || !instanceId) return;
      attachmentActions.tag(id, tag);
      dataApi.setTags(instanceId, elementId, tag ? [tag] : []).catch(() => {
        attachmentActions.tag(id, previous);
        fail({ key: 'form_filler.file_uploader_validation_error_update' });
      });
    };

    return (
      <FieldShell node={node} api={api}>
        <Paragraph id={infoId} data-size="sm">
          {maxCount !== undefined && maxCount > 0 && `${uploadText(env, 'form_filler.file_uploader_number_of_files')} ${files.length}/${maxCount}. `}
          {maxSize !== undefined && uploadText(env, 'form_filler.file_uploader_max_size_mb', maxSize)}
        </Paragraph>
        <Input
          id={fieldId(node)}
          type="file"
          multiple={maxCount === undefined || maxCount !== 1}
          accept={validFileEndings.length > 0 ? validFileEndings.map((e) => (e.trim().startsWith('.') ? e.trim() : `.${e.trim()}`)).join(',') : undefined}
          disabled={api.readOnly || full || !instanceId}
          aria-describedby={[infoId, described].filter(Boolean).join(' ')}
          onChange={(e) => {
            choose(e.target.files);
            e.target.value = '';
          }}
        />
        {messages.map((m, i) => (
          <ValidationMessage key={`${i}-${m.key}`} data-color="danger">
            {messageText(env, m)}
          </ValidationMessage>
        ))}
        {files.length === 0 ? (
          <Paragraph data-size="sm">{uploadText(env, 'form_filler.file_uploader_empty')}</Paragraph>
        ) : (
          <Table data-size="sm" data-testid={`files-${node.id}`}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{uploadText(env, 'form_filler.file_uploader_list_header_file_name')}</Table.HeaderCell>
                <Table.HeaderCell>{uploadText(env, 'form_filler.file_uploader_list_header_file_size')}</Table.HeaderCell>
                <Table.HeaderCell>{uploadText(env, 'form_filler.file_uploader_list_header_status')}</Table.HeaderCell>
                {withTag && <Table.HeaderCell>{api.text('tagTitle') ?? uploadText(env, 'form_filler.file_uploader_list_header_tag')}</Table.HeaderCell>}
                <Table.HeaderCell>
                  <span className="ds-sr-only">{uploadText(env, 'form_filler.file_uploader_list_delete')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {files.map((f) => {
                const status = fileStatus(f, typeInfo?.enableFileScan === true);
                const busy = api.readOnly || !f.elementId || f.locked === true;
                return (
                  <Table.Row key={f.id}>
                    <Table.Cell>{f.name}</Table.Cell>
                    <Table.Cell>{fileSize(f.size)}</Table.Cell>
                    <Table.Cell>
                      {status.kind === 'infected' ? (
                        <ValidationMessage data-color="danger">{statusText(env, status)}</ValidationMessage>
                      ) : (
                        <span role={status.kind === 'uploading' || status.kind === 'scanning' ? 'status' : undefined}>{statusText(env, status)}</span>
                      )}
                    </Table.Cell>
                    {withTag && (
                      <Table.Cell>
                        <Select
                          aria-label={uploadText(env, 'form_filler.file_uploader_choose_tag', f.name)}
                          value={f.tag ?? ''}
                          disabled={busy}
                          onChange={(e) => f.elementId && retag(f.id, f.elementId, f.tag, e.target.value || undefined)}
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
                      <Button variant="tertiary" data-size="sm" disabled={busy} onClick={() => f.elementId && remove(f.id, f.elementId)}>
                        {uploadText(env, 'form_filler.file_uploader_list_delete')}
                        <span className="ds-sr-only"> {f.name}</span>
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
      </FieldShell>
    );
  };
}

export const FileUpload = makeUpload(false);
export const FileUploadWithTag = makeUpload(true);
