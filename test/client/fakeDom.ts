// Just enough of a browser DOM to run media/report.js in a Node vm: elements with children,
// text, classes, datasets and listeners. Text set through textContent stays text here exactly
// as in a browser, which is what the report page's safety depends on.
import * as fs from 'fs';
import * as vm from 'vm';

type Listener = (event: { target?: unknown; data?: unknown; key?: string; preventDefault?: () => void }) => void;

export class FakeNode {
  parent: FakeElement | null = null;
  constructor(public text: string) {}
}

export class FakeElement {
  children: (FakeElement | FakeNode)[] = [];
  parent: FakeElement | null = null;
  className = '';
  hidden = false;
  title = '';
  /** The text direction attribute ('auto' lets the browser follow the words' own script). */
  dir = '';
  tabIndex = -1;
  /** For <select> and <button>: the chosen option's value, and whether the control is off. */
  value = '';
  disabled = false;
  dataset: Record<string, string> = {};
  readonly listeners = new Map<string, Listener[]>();

  constructor(readonly tagName: string, readonly id = '') {}

  get textContent(): string {
    return this.children.map((c) => (c instanceof FakeElement ? c.textContent : c.text)).join('');
  }

  set textContent(value: string) {
    this.replaceChildren(new FakeNode(value));
  }

  appendChild<T extends FakeElement | FakeNode>(child: T): T {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  append(...children: (FakeElement | FakeNode)[]): void {
    for (const c of children) this.appendChild(c);
  }

  replaceChildren(...children: (FakeElement | FakeNode)[]): void {
    this.children = [];
    this.append(...children);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Supports the `tag.class` selectors the page uses. */
  closest(selector: string): FakeElement | null {
    const [tag, cls] = selector.split('.');
    for (let at: FakeElement | null = this; at; at = at.parent) {
      if (at.tagName === tag && (!cls || at.className.split(' ').includes(cls))) return at;
    }
    return null;
  }

  querySelector(tag: string): FakeElement | null {
    for (const c of this.children) {
      if (!(c instanceof FakeElement)) continue;
      if (c.tagName === tag) return c;
      const inner = c.querySelector(tag);
      if (inner) return inner;
    }
    return null;
  }

  /** All descendant elements with this tag, in document order. */
  all(tag: string): FakeElement[] {
    return this.children.flatMap((c) => (c instanceof FakeElement ? [...(c.tagName === tag ? [c] : []), ...c.all(tag)] : []));
  }
}

/** The running page: its elements, what it posted, and a way to send it messages. */
export interface FakePage {
  elements: Record<'title' | 'totals' | 'empty' | 'filtered' | 'filter' | 'sort' | 'export' | 'quotes' | 'tbody', FakeElement>;
  posted: unknown[];
  /** What the page saved with `setState`. */
  state(): unknown;
  send(message: unknown): void;
  click(target: FakeElement): void;
  /** Picks `value` in a <select> and fires its change event, as a user does. */
  choose(select: FakeElement, value: string): void;
  /** Clicks a control with its own listener (a button). */
  press(control: FakeElement): void;
}

/** Runs the report script against the element ids that reportShell() creates. */
export function runReportScript(file: string, savedState?: unknown): FakePage {
  const quotes = new FakeElement('table', 'quotes');
  const tbody = quotes.appendChild(new FakeElement('tbody'));
  const elements = {
    title: new FakeElement('h1', 'title'),
    totals: new FakeElement('p', 'totals'),
    empty: new FakeElement('p', 'empty'),
    filtered: new FakeElement('p', 'filtered'),
    filter: new FakeElement('select', 'filter'),
    sort: new FakeElement('select', 'sort'),
    export: new FakeElement('button', 'export'),
    quotes,
    tbody,
  };
  const posted: unknown[] = [];
  let state: unknown = savedState;
  const windowListeners: Listener[] = [];
  const document = {
    title: '',
    getElementById: (id: string) => (Object.values(elements) as FakeElement[]).find((e) => e.id === id) ?? null,
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (text: string) => new FakeNode(text),
  };
  const context = {
    document,
    window: { addEventListener: (_type: string, l: Listener) => windowListeners.push(l) },
    // postMessage serialises, as the webview's does; it also gives the objects this realm's prototypes.
    acquireVsCodeApi: () => ({
      postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => state,
      setState: (value: unknown) => { state = JSON.parse(JSON.stringify(value)); },
    }),
    Element: FakeElement,
    HTMLElement: FakeElement,
  };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  return {
    elements,
    posted,
    send: (data) => { for (const l of windowListeners) l({ data }); },
    state: () => state,
    click: (target) => { for (const l of tbody.listeners.get('click') ?? []) l({ target }); },
    choose: (select, value) => {
      select.value = value;
      for (const l of select.listeners.get('change') ?? []) l({ target: select });
    },
    press: (control) => { for (const l of control.listeners.get('click') ?? []) l({ target: control }); },
  };
}
