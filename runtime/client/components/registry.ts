/**
 * Canonical component type (core/catalog) → React component. Types not listed render a labelled
 * placeholder (ComponentView), never a crash.
 */
import type { ComponentType } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import { Button } from './Button';
import { Checkboxes } from './Checkboxes';
import { Datepicker } from './Datepicker';
import { DateValue, NumberValue, Text } from './DisplayValue';
import { Divider } from './Divider';
import { Dropdown } from './Dropdown';
import { Group } from './Group';
import { Header } from './Header';
import { Input } from './Input';
import { MultipleSelect } from './MultipleSelect';
import { NavigationButtons } from './NavigationButtons';
import { Alert, Panel } from './Notice';
import { Paragraph } from './Paragraph';
import { RadioButtons } from './RadioButtons';
import { TextArea } from './TextArea';

export interface ComponentProps {
  readonly node: ComponentNode;
}

export const componentRegistry: Readonly<Record<string, ComponentType<ComponentProps>>> = {
  Input,
  TextArea,
  Checkboxes,
  RadioButtons,
  Dropdown,
  MultipleSelect,
  Datepicker,
  Header,
  Paragraph,
  Text,
  Number: NumberValue,
  Date: DateValue,
  Panel,
  Alert,
  Divider,
  Button,
  NavigationButtons,
  Group,
};

/** The React component of a node's type (canonical name first, then as written). */
export function componentFor(node: ComponentNode): ComponentType<ComponentProps> | undefined {
  return componentRegistry[node.canonicalType ?? node.type] ?? componentRegistry[node.type];
}
