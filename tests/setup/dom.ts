import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom lays nothing out; give virtualized lists a phone-sized viewport so their rows render.
for (const [property, size] of [['clientHeight', 740], ['clientWidth', 360]] as const) {
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('virtual-scroll') ? size : 0;
    },
  });
}
