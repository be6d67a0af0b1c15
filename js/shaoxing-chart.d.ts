// Types of the <shaoxing-chart> element (shaoxing-plan-charts/element).
import type { Chart, SelectEvent } from "./shaoxing_plan_charts.js";

/** What a `select` event carries: the reader selected (or, with `id: null`, cleared) a cluster, industry or district. */
export type SelectDetail = SelectEvent;

/** The element's own events. */
export interface ShaoxingChartEvents {
  /** The chart was drawn or redrawn. */
  load: Event;
  /** The reader's selection in the chart (bubbles). */
  select: CustomEvent<SelectDetail>;
  /** The chart could not be drawn; the element shows the message too. */
  error: CustomEvent<Error>;
}

/** The events of the element: those of any HTML element, with its own in place of the same names. */
export type ShaoxingChartEventMap = Omit<HTMLElementEventMap, keyof ShaoxingChartEvents> & ShaoxingChartEvents;

/**
 * `<shaoxing-chart chart="industry-clusters" lang="en" theme="auto">`: draws one chart in itself.
 * Attributes: `chart`, `lang`, `theme`, and the chart's options `sort`, `measure`, `category`, `fill`, `selected`.
 */
export declare class ShaoxingChart extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The Chart that render() returned (toSvg, toPng, toCsv, toCsvBlob, citation, select, link…), or null while loading, after an error or when removed. */
  readonly handle: Chart | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, old: string | null, value: string | null): void;
  addEventListener<K extends keyof ShaoxingChartEventMap>(
    type: K,
    listener: (this: ShaoxingChart, event: ShaoxingChartEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ShaoxingChartEventMap>(
    type: K,
    listener: (this: ShaoxingChart, event: ShaoxingChartEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "shaoxing-chart": ShaoxingChart;
  }
}
