import type { Page } from 'playwright-core';

/** Page objects: how a cadre reaches and fills each screen, by label and role. */
export class HouseholdForm {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<this> {
    await this.page.goto(`${baseUrl}/#/households/new`);
    await this.page.getByRole('heading', { name: '新增户' }).waitFor();
    return this;
  }

  async add(household: { village: string; head: string }): Promise<void> {
    await this.page.getByLabel('村（社区）').fill(household.village);
    await this.page.getByLabel('户主').fill(household.head);
    await this.page.getByRole('button', { name: '保存' }).click();
    await this.page.getByRole('heading', { name: `户主 ${household.head}` }).waitFor();
  }
}

export async function homeFigure(page: Page, label: string): Promise<string> {
  return (await page.locator('.figure', { has: page.locator('dt', { hasText: label }) }).locator('dd').textContent()) ?? '';
}

/** The survey of one person, filled as a cadre does: by label, one answer at a time. */
export class SurveyPage {
  constructor(private readonly page: Page) {}

  async text(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async choose(question: string, answer: string): Promise<void> {
    await this.page.getByRole('group', { name: question, exact: true }).getByLabel(answer, { exact: true }).check();
  }

  async chooseMany(question: string, answers: string[]): Promise<void> {
    const group = this.page.getByRole('group', { name: new RegExp(`^${question}`) });
    for (const answer of answers) await group.getByLabel(answer, { exact: true }).check();
  }

  async value(label: string): Promise<string> {
    return this.page.getByLabel(label, { exact: true }).inputValue();
  }

  async isChosen(question: string, answer: string): Promise<boolean> {
    return this.page.getByRole('group', { name: new RegExp(`^${question}`) }).getByLabel(answer, { exact: true }).isChecked();
  }
}
