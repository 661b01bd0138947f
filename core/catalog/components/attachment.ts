// Components that upload data elements; the component id must equal a dataTypes[].id (Appendix B 4).
import { anyOf, bool, caps, component, constant, expr, list, num, obj, oneOf, optionalBinding, str, text } from '../spec';

const uploadBindings = {
  simpleBinding: optionalBinding('scalar', 'Stores the uploaded data element id'),
  list: optionalBinding('array', 'Stores the uploaded data element ids (needed inside repeating groups)'),
} as const;

const uploadProps = {
  maxFileSizeInMB: num({ required: true, minimum: 0, description: 'Largest file accepted' }),
  maxNumberOfAttachments: expr('number', { required: true, description: 'Most files accepted' }),
  minNumberOfAttachments: expr('number', { required: true, description: 'Fewest files required' }),
  displayMode: oneOf(['simple', 'list'], { required: true, description: 'Show the uploaded files as a simple list or a table' }),
  hasCustomFileEndings: bool({ description: 'Only accept validFileEndings' }),
  validFileEndings: anyOf([str(), list(str())], { description: 'e.g. [".pdf", ".jpg"] or ".pdf,.jpg"' }),
  alertOnDelete: expr('boolean', { description: 'Ask before deleting a file' }),
} as const;

export const attachmentComponents = {
  FileUpload: component({
    displayName: 'File upload',
    description: 'Upload attachments; each file becomes a data element of the type with this component’s id.',
    category: 'attachment',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    bindings: uploadBindings,
    texts: {},
    props: uploadProps,
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  FileUploadWithTag: component({
    displayName: 'File upload with tags',
    description: 'Upload attachments and tag each file with an option from a code list.',
    category: 'attachment',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    options: 'basic',
    bindings: uploadBindings,
    texts: { tagTitle: text('Label of the tag selector') },
    props: uploadProps,
    capabilities: caps('accordion', 'cards', 'tabs'),
  }),

  ImageUpload: component({
    displayName: 'Image upload',
    description: 'Upload one image and crop it to a circle or rectangle.',
    category: 'attachment',
    runtimeCategory: 'Form',
    form: true,
    labeled: true,
    summarizable: true,
    bindings: { simpleBinding: optionalBinding('scalar', 'Stores the uploaded data element id') },
    texts: {},
    props: {
      crop: anyOf([
        obj({ shape: constant('circle', { required: true }), diameter: num() }),
        obj({ shape: constant('rectangle', { required: true }), width: num(), height: num() }),
      ]),
    },
    capabilities: caps('table', 'accordion', 'cards', 'tabs'),
  }),
} as const;
