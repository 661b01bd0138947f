// Line icons drawn for the studio on a 20×20 grid; they take the text colour.
const paths = {
  folder: 'M2.5 5.5v9a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1v-7a1 1 0 0 0-1-1H9.5L8 4.5H3.5a1 1 0 0 0-1 1z',
  folderOpen: 'M2.5 14.5v-9a1 1 0 0 1 1-1H8l1.5 2h6a1 1 0 0 1 1 1v1.5M2.5 14.5l2.2-5.3a1 1 0 0 1 .9-.7h11.9l-2.4 6.3a1 1 0 0 1-.9.7H3.5a1 1 0 0 1-1-1z',
  file: 'M5.5 2.5h6l3.5 3.5v10.5a1 1 0 0 1-1 1h-8.5a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1zM11.5 2.5V6H15',
  chevronRight: 'M8 5l5 5-5 5',
  chevronDown: 'M5 8l5 5 5-5',
  arrowUp: 'M10 16V4M5 9l5-5 5 5',
  plus: 'M10 4v12M4 10h12',
  clone: 'M10 3v9M6.5 8.5L10 12l3.5-3.5M3.5 13.5v3h13v-3',
  close: 'M5 5l10 10M15 5L5 15',
  warning: 'M10 3l7.5 13h-15zM10 8v3.5M10 13.8v.2',
  error: 'M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15zM10 6.5v4.5M10 13.3v.2',
  check: 'M4.5 10.5l3.5 3.5 7.5-8',
  overview: 'M3 3.5h6v6H3zM11 3.5h6v3.5h-6zM11 9.5h6v7h-6zM3 12h6v4.5H3z',
  layout: 'M3 3.5h14v13H3zM3 7.5h14M8 7.5v9',
  code: 'M7 6l-4 4 4 4M13 6l4 4-4 4M11 4.5l-2 11',
  texts: 'M4 5V3.5h12V5M10 3.5v13M7.5 16.5h5',
  datamodel: 'M10 2.5c3.6 0 6.5 1.1 6.5 2.5S13.6 7.5 10 7.5 3.5 6.4 3.5 5 6.4 2.5 10 2.5zM3.5 5v10c0 1.4 2.9 2.5 6.5 2.5s6.5-1.1 6.5-2.5V5M3.5 10c0 1.4 2.9 2.5 6.5 2.5s6.5-1.1 6.5-2.5',
  process: 'M2.5 7.5h5v5h-5zM12.5 3h5v5h-5zM12.5 12h5v5h-5zM7.5 10h2.5V5.5h2.5M10 10v4.5h2.5',
  preview: 'M2.5 10s2.8-5.5 7.5-5.5 7.5 5.5 7.5 5.5-2.8 5.5-7.5 5.5S2.5 10 2.5 10zM10 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  history: 'M10 2.5a7.5 7.5 0 1 1-7.1 5M2.5 3v4.5H7M10 6v4.5l3 2',
  review: 'M3 3.5h5.5v13H3zM11.5 3.5H17v13h-5.5zM5 7h1.5M5 10h1.5M13.5 8.5h1.5M13.5 11.5h1.5',
  deploy: 'M10 16.5V8M6 11.5l4-4 4 4M3.5 3.5h13',
  app: 'M4 3.5h12a.5.5 0 0 1 .5.5v12a.5.5 0 0 1-.5.5H4a.5.5 0 0 1-.5-.5V4a.5.5 0 0 1 .5-.5zM3.5 7h13M6.5 10h7M6.5 13h4',
  home: 'M3 9.5L10 3.5l7 6M5 8v8.5h10V8',
  globe: 'M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15zM2.5 10h15M10 2.5c2 2 3 4.5 3 7.5s-1 5.5-3 7.5c-2-2-3-4.5-3-7.5s1-5.5 3-7.5z',
} as const;

export type IconName = keyof typeof paths;

export interface IconProps {
  readonly name: IconName;
  readonly size?: number;
  readonly className?: string;
}

/** A decorative icon; the control around it carries the accessible name. */
export function Icon({ name, size = 16, className }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
