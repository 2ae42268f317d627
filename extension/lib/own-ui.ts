import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { OWN_UI_ATTRIBUTE } from './dom/skip-policy';

/** What a page feature shows lives in here, never in the page's own elements. */
export interface OwnUi<Presenter> {
  readonly presenter: Presenter;
  readonly shadow: ShadowRoot;
  /**
   * Puts the host on the page, as the last child of `<html>`, and runs
   * `render`. A host just put on the page gets its content one frame later:
   * a live region that arrives already filled is not announced by every
   * screen reader. Calls in that frame keep only the latest `render`.
   */
  show(render: () => void): void;
  /** Takes the host off the page: between showings nothing of ours is in its DOM. */
  hide(): void;
}

export class OwnUiMountError extends Error {
  override readonly name = 'OwnUiMountError';
}

/**
 * Mounts a feature's UI in a closed shadow root whose host, marked as ours so
 * the page scans skip it, is the last child of `<html>`, outside the page's
 * content, and on the page only while something is shown: the page can
 * neither restyle it nor read what it shows, and events inside it do not
 * reach the page.
 */
export async function mountOwnUi<Presenter>(
  ctx: ContentScriptContext,
  options: {
    name: string;
    css: string;
    create(container: HTMLElement, ui: Pick<OwnUi<Presenter>, 'hide'>): Presenter;
    /** Thrown when the page has no `<html>` element to mount in. */
    mountError(): Error;
  },
): Promise<OwnUi<Presenter>> {
  let host: HTMLElement | null = null;
  const hide = (): void => host?.remove();
  const ui = await createShadowRootUi(ctx, {
    name: options.name,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    mode: 'closed',
    isolateEvents: true,
    css: options.css,
    onMount(container, _shadow, shadowHost) {
      shadowHost.setAttribute(OWN_UI_ATTRIBUTE, '');
      return options.create(container, { hide });
    },
  });
  ui.mount();
  const presenter = ui.mounted;
  if (!presenter) throw options.mountError();
  host = ui.shadowHost;
  host.remove();
  const shownHost = host;
  let waiting: { render: () => void } | null = null;
  return {
    presenter,
    shadow: ui.shadow,
    hide,
    show(render) {
      const root = shownHost.ownerDocument.documentElement;
      const attached = shownHost.parentNode === root;
      if (!attached) root.append(shownHost);
      if (waiting) {
        waiting.render = render;
        return;
      }
      if (attached) {
        render();
        return;
      }
      const pending = { render };
      waiting = pending;
      requestAnimationFrame(() => {
        waiting = null;
        pending.render();
      });
    },
  };
}
