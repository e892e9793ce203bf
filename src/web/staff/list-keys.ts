/**
 * The page used all day from the keyboard: `/` to the search box, Enter or ↓ from it to the first
 * result, ↑/↓ between results (↑ from the first goes back to the box), `c` copies the focused
 * result's citation (its 复制引用 button).
 */
export function listKeys(input: HTMLInputElement, list: HTMLElement): void {
  const results = () => [...list.querySelectorAll<HTMLElement>('article')];
  document.addEventListener('keydown', function staffKeys(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const active = document.activeElement;
    if (active === input) {
      if (e.key === 'ArrowDown' || e.key === 'Enter') {
        e.preventDefault();
        results()[0]?.focus();
      }
      return;
    }
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
    if (e.key === '/') {
      e.preventDefault();
      input.focus();
      input.select();
      return;
    }
    const article = active instanceof HTMLElement ? active.closest('article') : null;
    if (!article) return;
    const all = results();
    const i = all.indexOf(article);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? all[i + 1] : i === 0 ? input : all[i - 1];
      next?.focus();
      if (next instanceof HTMLElement && next !== input) next.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'c') {
      e.preventDefault();
      article.querySelector<HTMLButtonElement>('button.cite')?.click();
    }
  });
}
