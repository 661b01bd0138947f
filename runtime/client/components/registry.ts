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
import { RepeatingGroup } from './RepeatingGroup';
import { Accordion, AccordionGroup } from './Accordion';
import { ButtonGroup } from './ButtonGroup';
import { Cards } from './Cards';
import { Grid } from './Grid';
import { Likert } from './Likert';
import { List } from './List';
import { Summary, Summary2 } from './Summary';
import { Tabs } from './Tabs';
import { TextArea } from './TextArea';
// Form, presentation and action components (the containers are listed separately).
import { ActionButton, CustomButton, InstantiationButton, PrintButton } from './ActionButtons';
import { Address } from './Address';
import { FileUpload, FileUploadWithTag } from './FileUpload';
import { AttachmentList, InstanceInformation } from './InstanceViews';
import { Link } from './Link';
import { Audio, IFrame, Image, Video } from './Media';
import { NavigationBar } from './NavigationBar';
import { Option } from './Option';
import { TimePicker } from './TimePicker';
import { Payment } from './payment/Payment';
import { PaymentDetails } from './payment/PaymentDetails';
import { SigneeList } from './signing/SigneeList';
import { SigningActions } from './signing/SigningActions';
import { SigningDocumentList } from './signing/SigningDocumentList';

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
  RepeatingGroup,
  Grid,
  Accordion,
  AccordionGroup,
  Tabs,
  Cards,
  ButtonGroup,
  Likert,
  Summary,
  Summary2,
  List,
  TimePicker,
  Address,
  FileUpload,
  FileUploadWithTag,
  Image,
  Audio,
  Video,
  IFrame,
  Link,
  Option,
  AttachmentList,
  InstanceInformation,
  CustomButton,
  PrintButton,
  NavigationBar,
  ActionButton,
  InstantiationButton,
  SigneeList,
  SigningDocumentList,
  SigningActions,
  Payment,
  PaymentDetails,
};

/** The React component of a node's type (canonical name first, then as written). */
export function componentFor(node: ComponentNode): ComponentType<ComponentProps> | undefined {
  return componentRegistry[node.canonicalType ?? node.type] ?? componentRegistry[node.type];
}
