import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from './UpdatePrompt';

describe('update prompt', () => {
  it('offers the new version and applies it only when asked', async () => {
    const onUpdate = vi.fn();
    render(<UpdatePrompt needRefresh offlineReady={false} onUpdate={onUpdate} onDismiss={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('发现新版本');
    expect(onUpdate).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: '立即更新' }));
    expect(onUpdate).toHaveBeenCalledOnce();
  });

  it('says once that the app now works offline', () => {
    render(<UpdatePrompt needRefresh={false} offlineReady onUpdate={() => {}} onDismiss={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('已可离线使用');
  });

  it('shows nothing when there is nothing to say', () => {
    const { container } = render(<UpdatePrompt needRefresh={false} offlineReady={false} onUpdate={() => {}} onDismiss={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});
