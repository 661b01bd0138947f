import { expect, type Locator, type Page } from '@playwright/test';

/** The Preview area: its toolbar, the framed form app, the "View as" picker, the People and Payment order editors (English texts). */
export class PreviewPage {
  readonly frame: Locator;
  readonly persona: Locator;
  readonly manageButton: Locator;
  readonly peopleDialog: Locator;
  readonly paymentOrderButton: Locator;
  readonly paymentOrderDialog: Locator;

  constructor(readonly page: Page) {
    this.frame = page.getByTitle('Preview of the app');
    this.persona = page.getByRole('combobox', { name: 'View as' });
    this.manageButton = page.getByRole('button', { name: 'Manage test people…' });
    this.peopleDialog = page.getByRole('dialog', { name: 'Test people' });
    this.paymentOrderButton = page.getByRole('button', { name: 'Payment order…' });
    this.paymentOrderDialog = page.getByRole('dialog', { name: 'Payment order' });
  }

  /** The frame's current address. */
  async frameUrl(): Promise<URL> {
    const src = await this.frame.getAttribute('src');
    expect(src).not.toBeNull();
    return new URL(src ?? '');
  }

  /** Waits until the frame's address names `persona`. */
  async expectFramePersona(persona: string): Promise<void> {
    await expect(this.frame).toHaveAttribute('src', new RegExp(`[?&]persona=${encodeURIComponent(persona)}(&|$)`));
  }

  /** The text of the picker's chosen option. */
  async chosenPersonaLabel(): Promise<string> {
    return (await this.persona.locator('option:checked').textContent()) ?? '';
  }

  async openPeopleEditor(): Promise<Locator> {
    await this.manageButton.click();
    await expect(this.peopleDialog).toBeVisible();
    return this.peopleDialog;
  }

  /** A tab of the People editor: Persons, Organisations or Roles. */
  tab(name: 'Persons' | 'Organisations' | 'Roles'): Locator {
    return this.peopleDialog.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async openPaymentOrderEditor(): Promise<Locator> {
    await this.paymentOrderButton.click();
    await expect(this.paymentOrderDialog).toBeVisible();
    return this.paymentOrderDialog;
  }

  /** A field of order line `n` (from 1) in the payment order editor, by its column: Name, Price ex VAT, Quantity, … */
  orderField(column: string, n: number): Locator {
    return this.paymentOrderDialog.getByRole('textbox', { name: `${column}, line ${n}`, exact: true });
  }
}
