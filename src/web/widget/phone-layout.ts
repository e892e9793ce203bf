/** The panel fills the screen at this width and below (the stylesheet's media query says the same). */
export const FULL_SCREEN = '(max-width: 480px)';

/**
 * Keep the panel inside the part of the screen the citizen can see. `100dvh` follows the browser's
 * own toolbars, but on iOS the on-screen keyboard shrinks only the *visual* viewport, so a panel
 * sized to the layout viewport would put the input under the keyboard: follow visualViewport's
 * height and offset as CSS variables (set through the CSSOM, which the CSP allows).
 */
export function fitToViewport(panel: HTMLElement): void {
  const vv = window.visualViewport;
  if (!vv) return;
  const fitPanel = function fitPanel() {
    panel.style.setProperty('--vvh', `${Math.round(vv.height)}px`);
    panel.style.setProperty('--vvt', `${Math.round(vv.offsetTop)}px`);
  };
  vv.addEventListener('resize', fitPanel);
  vv.addEventListener('scroll', fitPanel);
  fitPanel();
}

/**
 * While the panel fills the screen, Tab and Shift+Tab go round inside it: the page behind is
 * hidden, and focus that wandered there would be invisible.
 */
export function trapFocus(root: ShadowRoot, panel: HTMLElement): void {
  panel.addEventListener('keydown', function keepFocusInside(e) {
    if (e.key !== 'Tab' || panel.hidden || !matchMedia(FULL_SCREEN).matches) return;
    const focusable = [...panel.querySelectorAll<HTMLElement>('button,a[href],textarea,[tabindex="0"]')].filter(
      (x) => !(x as HTMLButtonElement).disabled && x.getClientRects().length > 0,
    );
    const [first, last] = [focusable[0], focusable[focusable.length - 1]];
    if (!first || !last) return;
    const active = root.activeElement;
    if (e.shiftKey && (active === first || !panel.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !panel.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  });
}
