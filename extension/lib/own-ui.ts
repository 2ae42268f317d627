import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { OWN_UI_ATTRIBUTE } from './dom/skip-policy';

/** What a page feature shows lives in here, never in the page's own elements. */
export interface OwnUi<Presenter> {
  readonly presenter: Presenter;
  readonly shadow: ShadowRoot;
  /** Puts the host back at the end of `<body>` when the page has rebuilt its body. */
  reattach(): void;
}

export class OwnUiMountError extends Error {
  override readonly name = 'OwnUiMountError';
}

/**
 * Mounts a feature's UI in a closed shadow root at the end of `<body>`, marked as ours so
 * the page scans skip it: the page can neither restyle it nor read what it shows, and
 * events inside it do not reach the page.
 */
export async function mountOwnUi<Presenter>(
  ctx: ContentScriptContext,
  options: {
    name: string;
    css: string;
    create(container: HTMLElement): Presenter;
    /** Thrown when the page has no `<body>` to mount in. */
    mountError(): Error;
  },
): Promise<OwnUi<Presenter>> {
  const ui = await createShadowRootUi(ctx, {
    name: options.name,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: 'closed',
    isolateEvents: true,
    css: options.css,
    onMount(container, _shadow, host) {
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      return options.create(container);
    },
  });
  ui.mount();
  const presenter = ui.mounted;
  if (!presenter) throw options.mountError();
  return {
    presenter,
    shadow: ui.shadow,
    reattach() {
      if (!ui.shadowHost.isConnected) document.body.append(ui.shadowHost);
    },
  };
}
