/**
 * Shown when a new deployment is waiting. The app never reloads by itself: the cadre may be
 * in the middle of a survey, so only the button applies the update.
 */
export function UpdatePrompt({ needRefresh, offlineReady, onUpdate, onDismiss }: {
  needRefresh: boolean;
  offlineReady: boolean;
  onUpdate: () => void;
  onDismiss: () => void;
}) {
  if (needRefresh) {
    return (
      <div role="status" className="banner update">
        <span>发现新版本</span>
        <button type="button" className="button primary small" onClick={onUpdate}>
          立即更新
        </button>
        <button type="button" className="button small" onClick={onDismiss}>
          稍后
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div role="status" className="banner info">
        <span>已可离线使用</span>
        <button type="button" className="button small" onClick={onDismiss}>
          知道了
        </button>
      </div>
    );
  }
  return null;
}
