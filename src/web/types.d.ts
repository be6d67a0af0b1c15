/** The id of a chart of this package (see `charts()`). */
export type ChartId =
  | "industry-clusters"
  | "major-projects"
  | "main-indicators"
  | "gdp-path"
  | "infrastructure-targets"
  | "district-map"
  | "district-industries";

/** A reported value: `year` 2025–2035, `value` in the unit of the plan's figure. */
export interface Reported {
  year: number;
  value: number;
}

/** Options of `render` and `update`; a chart takes `lang`, `theme` and its own (see README). */
export interface ChartOptions {
  lang?: "zh" | "en";
  theme?: "light" | "dark" | "auto";
  /** industry-clusters: "plan" | "value"; district-industries: "plan" | "count" */
  sort?: "plan" | "value" | "count";
  /** major-projects */
  measure?: "total" | "five-year" | "count";
  /** main-indicators */
  category?: "all" | "economy" | "innovation" | "livelihood" | "green" | "security";
  /** district-map: shade by selection or by the number of industries */
  fill?: "selection" | "count";
  /** district-map: GeoJSON of the districts (or its JSON text), or null for the schematic */
  geometry?: object | string | null;
  /** The id of a cluster, industry or district, or null for none. */
  selected?: string | null;
  /** Reported values by datum id (see `dataset()`). */
  actuals?: Record<string, Reported[]>;
}

/** An option a chart takes: the words it takes (the first is the default), or null for options that take other values (`selected`, `geometry`, `actuals`). */
export interface ChartOptionInfo {
  name: keyof ChartOptions;
  values: string[] | null;
}

/** An entry of `charts()`. */
export interface ChartInfo {
  id: ChartId;
  title: { zh: string; en: string };
  /** `lang`, `theme` and the options of this chart. */
  options: ChartOptionInfo[];
}

/** What a `select` listener hears. */
export interface SelectEvent {
  type: "select";
  id: string | null;
  chart: ChartId;
}

/**
 * Draws a chart in `container`. Throws an `Error` naming the problem for an unknown chart id, an
 * unknown option or value, or a container that is not an attached element with a width.
 */
export function render(container: HTMLElement, chart: ChartId, options?: ChartOptions): Chart;

/** Methods of `Chart` declared here rather than generated, for their optional arguments. */
export interface Chart {
  /**
   * A citation of the chart in its language: the plan (issuer, title, notice 绍政发〔2026〕6号, date),
   * the sections the chart draws on, the chart, this package, `address` (an absolute http(s) URL;
   * default: the page's address) and the date it was `accessed` (a `Date`, or `"YYYY-MM-DD"`;
   * default: today). Throws an `Error` for another date or address.
   */
  citation(accessed?: Date | string, address?: string): string;
}
