import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useT } from '../../i18n/useT';
import { useAppDocument } from '../../state/stores';
import { IconButton } from '../../ui/Button';
import type { CodeBuffersState } from './codeBuffers';
import { codeTools } from './codeCommands';
import { searchFiles } from './codeSearch';

const searchDelayMs = 150;

export interface CodeSearchPanelProps {
  readonly buffers: StoreApi<CodeBuffersState>;
  /** Opens `path` with the match selected. */
  readonly onOpen: (path: string, line: number, column: number, length: number) => void;
}

/** The Code area's search across every text file: the model's texts, with open editors' unsaved text over them. */
export function CodeSearchPanel({ buffers, onOpen }: CodeSearchPanelProps) {
  const t = useT();
  const model = useAppDocument((s) => s.model);
  const all = useStore(buffers, (s) => s.buffers);
  const focus = useStore(codeTools, (s) => s.searchFocus);
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  const [regex, setRegex] = useState(false);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [focus]);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), searchDelayMs);
    return () => clearTimeout(timer);
  }, [query]);

  const result = useMemo(() => {
    const texts = new Map(model?.texts ?? []);
    for (const [path, buffer] of all) if (texts.has(path) || buffer.base === null) texts.set(path, buffer.text);
    return searchFiles(texts, settled, { regex, maxMatches: 1000 });
  }, [model, all, settled, regex]);

  return (
    <section className="code-search" aria-label={t('code.search')} data-testid="code-search">
      <div className="code-search-head">
        <input
          ref={box}
          className="input input-sm code-search-box"
          type="search"
          aria-label={t('code.searchBox')}
          placeholder={t('code.searchBox')}
          value={query}
          aria-invalid={!result.ok}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setSettled(query);
            if (e.key === 'Escape') codeTools.setState({ searchOpen: false });
          }}
        />
        <IconButton icon="close" label={t('code.searchClose')} onClick={() => codeTools.setState({ searchOpen: false })} />
      </div>
      <label className="code-search-option">
        <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
        {t('code.searchRegex')}
      </label>
      {!result.ok ? (
        <p className="code-search-error" role="alert">
          {t('code.searchBadRegex', { message: result.error })}
        </p>
      ) : settled === '' ? null : (
        <>
          <p className="code-search-count" role="status">
            {result.count === 0 ? t('code.searchNone') : t('code.searchCount', { matches: result.count, files: result.files.length })}
          </p>
          {result.truncated ? <p className="code-search-count">{t('code.searchTruncated', { count: result.count })}</p> : null}
          <ul className="code-search-results" aria-label={t('code.searchResults')}>
            {result.files.map((file) => (
              <li key={file.path} className="code-search-file" data-path={file.path}>
                <div className="code-search-path" title={file.path}>
                  <span className="code-search-name">{file.path.split('/').pop()}</span>
                  <span className="code-search-dir">{file.path.split('/').slice(0, -1).join('/')}</span>
                  <span className="code-search-n">{file.matches.length}</span>
                </div>
                <ul>
                  {file.matches.map((m) => (
                    <li key={`${m.line}:${m.column}`}>
                      <button
                        type="button"
                        className="code-search-match"
                        aria-label={t('code.matchAt', { line: m.line, preview: m.preview })}
                        onClick={() => onOpen(file.path, m.line, m.column, m.length)}
                      >
                        <span className="code-search-line">{m.line}</span>
                        <span className="code-search-preview">
                          {m.preview.slice(0, m.previewStart)}
                          <mark>{m.preview.slice(m.previewStart, m.previewStart + m.length)}</mark>
                          {m.preview.slice(m.previewStart + m.length)}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
