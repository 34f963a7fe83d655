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
    await this.page.getByRole('heading', { name: '户列表' }).waitFor();
  }
}

export async function homeFigure(page: Page, label: string): Promise<string> {
  return (await page.locator('.figure', { has: page.locator('dt', { hasText: label }) }).locator('dd').textContent()) ?? '';
}
