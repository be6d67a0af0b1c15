//! The channels that tell a chart in words. A chart declares its fields once, as data; the tooltip,
//! the data table and the CSV are all read off them, so that what the screen, the screen reader and
//! the spreadsheet say cannot drift apart. Fields are plain function pointers over the datum and the
//! options, so that each chart adds its words to the `.wasm`, not another copy of the machinery.

use crate::chart::options::Options;
use crate::data::model::{Lang, Quantity, Source, Text};
use crate::format;
use crate::plot::parts::REPORTED;
use crate::progress::Reported;

/// What the pointer or keyboard focus shows for one datum.
#[derive(Debug, Clone, PartialEq)]
pub struct Tooltip {
    pub title: String,
    /// (label, value) pairs.
    pub lines: Vec<(String, String)>,
}

impl Tooltip {
    /// A line's label as the tooltip shows it before the value: Chinese takes the full-width colon.
    pub fn label(label: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{label}："),
            Lang::En => format!("{label}: "),
        }
    }

    /// What the live region reads when the keyboard focus reaches the mark: the name, then every
    /// line (the figure as stated, with its qualifier and unit, first), punctuated for the language.
    pub fn announcement(&self, lang: Lang) -> String {
        let lines: Vec<String> =
            self.lines.iter().map(|(label, value)| format!("{}{value}", Tooltip::label(label, lang))).collect();
        match lang {
            Lang::Zh => format!("{}。{}。", self.title, lines.join("；")),
            Lang::En => format!("{}. {}.", self.title, lines.join("; ")),
        }
    }
}

/// The chart's figures as an HTML-ready table: the exact, accessible companion of the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What a field says about one datum in the reader's language; `None` where it has nothing to say
/// (the tooltip leaves the line out, the table shows "—").
pub type Say<T> = fn(&T, &Options, Lang) -> Option<String>;

/// One thing a chart tells about each datum: a column of its table and, unless `table_only`, a line
/// of its tooltip. A `reported` field (progress against a target) is a column only where something
/// is reported (the `actuals` option).
pub struct Field<T> {
    pub name: Text,
    pub say: Say<T>,
    pub table_only: bool,
    pub reported: bool,
}

impl<T> Field<T> {
    /// A field that is a column of the table and a line of the tooltip.
    pub const fn new(name: Text, say: Say<T>) -> Field<T> {
        Field { name, say, table_only: false, reported: false }
    }

    /// The latest reported value and the progress it makes, under [`REPORTED`].
    pub const fn reported(say: Say<T>) -> Field<T> {
        Field { reported: true, ..Field::new(REPORTED, say) }
    }
}

/// The table of `items`, one column per field (the `reported` ones where something is reported).
pub fn table<T>(fields: &[&Field<T>], items: &[T], options: &Options) -> Table {
    let lang = options.lang;
    let shown = |f: &Field<T>| !f.reported || !options.actuals.is_empty();
    let mut table = Table { columns: Vec::new(), rows: Vec::new() };
    for field in fields.iter().filter(|f| shown(f)) {
        table.columns.push(field.name.get(lang).to_string());
    }
    for item in items {
        let mut row = Vec::new();
        for field in fields.iter().filter(|f| shown(f)) {
            row.push((field.say)(item, options, lang).unwrap_or_else(|| "—".into()));
        }
        table.rows.push(row);
    }
    table
}

/// Columns named only at render time: one per member of `members` (the districts, in the order
/// of the day), each saying what `say` says about an item and that member, set in before the
/// field at `at` (which must be one of the fields).
pub struct Across<'a, T, A> {
    pub at: usize,
    pub members: &'a [A],
    pub name: fn(&A, Lang) -> &'static str,
    pub say: fn(&T, &A, Lang) -> Option<String>,
}

/// The table of `items`, one column per field and per member of `across`.
pub fn table_across<T, A>(fields: &[&Field<T>], across: Across<T, A>, items: &[T], options: &Options) -> Table {
    let lang = options.lang;
    let Across { at, members, name, say } = across;
    let mut columns = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        if index == at {
            for member in members {
                columns.push(name(member, lang).to_string());
            }
        }
        columns.push(field.name.get(lang).to_string());
    }
    let mut rows = Vec::new();
    for item in items {
        let mut row = Vec::new();
        for (index, field) in fields.iter().enumerate() {
            if index == at {
                for member in members {
                    row.push(say(item, member, lang).unwrap_or_else(|| "—".into()));
                }
            }
            row.push((field.say)(item, options, lang).unwrap_or_else(|| "—".into()));
        }
        rows.push(row);
    }
    Table { columns, rows }
}

/// The tooltip of `item`: its title, then the lines of the fields that have something to say.
pub fn tooltip<T>(title: String, fields: &[&Field<T>], item: &T, options: &Options) -> Tooltip {
    let lang = options.lang;
    let mut lines = Vec::new();
    for field in fields.iter().filter(|f| !f.table_only) {
        if let Some(said) = (field.say)(item, options, lang) {
            lines.push((field.name.get(lang).to_string(), said));
        }
    }
    Tooltip { title, lines }
}

/// The latest reported value of a datum and the share of the way to its target, if any.
pub type Latest<T> = fn(&T, &Options) -> Option<(Reported, Option<f64>)>;

/// A column, or a set of columns, of a chart's CSV.
pub enum Column<T> {
    One(&'static str, fn(&T) -> String),
    /// `<name>_zh` and `<name>_en`: the same words in each language.
    Both(&'static str, fn(&T, Lang) -> String),
    /// A figure: `value`, `unit_zh`, `unit_en`, `qualifier_zh`, `qualifier_en`, `stated_zh`, `stated_en`.
    Figure(fn(&T) -> &Quantity),
    /// Where the datum stands in the plan: `section` and `quote`.
    Source(fn(&T) -> &Source),
    /// `reported_year`, `reported_value` and `reported_share_of_target`, the last columns of every chart
    /// with targets: the latest reported value of the datum, and the share of the way to its target.
    Reported(Latest<T>),
}

/// The header cells of a column, whatever the type of its datum.
enum Head {
    One(&'static str),
    Both(&'static str),
    Figure,
    Source,
    Reported,
}

/// The CSV of `items` in their current order: every figure as a number and as stated, in both
/// languages, with its provenance. Only the reading of the cells depends on the type of the items.
pub fn csv<T>(columns: &[Column<T>], items: &[T], options: &Options) -> String {
    let mut heads = Vec::new();
    for column in columns {
        heads.push(match column {
            Column::One(name, _) => Head::One(name),
            Column::Both(name, _) => Head::Both(name),
            Column::Figure(_) => Head::Figure,
            Column::Source(_) => Head::Source,
            Column::Reported(_) => Head::Reported,
        });
    }
    let mut rows = Vec::new();
    for item in items {
        let mut row = Vec::new();
        for column in columns {
            match column {
                Column::One(_, cell) => row.push(cell(item)),
                Column::Both(_, cell) => row.extend([Lang::Zh, Lang::En].map(|lang| cell(item, lang))),
                Column::Figure(figure) => figure_cells(figure(item), &mut row),
                Column::Source(source) => row.extend([source(item).section, source(item).quote].map(String::from)),
                Column::Reported(latest) => reported_cells(latest(item, options), &mut row),
            }
        }
        rows.push(row);
    }
    write(&heads, &rows)
}

fn number(v: f64, decimals: usize) -> String {
    format::number(v, decimals, Lang::Zh)
}

fn figure_cells(q: &Quantity, row: &mut Vec<String>) {
    row.push(number(q.value, 3));
    row.extend([q.unit.zh, q.unit.en].map(String::from));
    row.extend([q.qualifier.map_or("", |x| x.zh), q.qualifier.map_or("", |x| x.en)].map(String::from));
    row.extend([Lang::Zh, Lang::En].map(|lang| format::quantity(q, lang)));
}

fn reported_cells(latest: Option<(Reported, Option<f64>)>, row: &mut Vec<String>) {
    row.push(latest.map_or(String::new(), |(p, _)| p.year.to_string()));
    row.push(latest.map_or(String::new(), |(p, _)| number(p.value, 3)));
    row.push(latest.and_then(|(_, share)| share).map_or(String::new(), |s| number(s, 4)));
}

/// The header of `heads`' columns, then `rows`.
fn write(heads: &[Head], rows: &[Vec<String>]) -> String {
    let mut header: Vec<String> = Vec::new();
    for head in heads {
        match head {
            Head::One(name) => header.push(name.to_string()),
            Head::Both(name) => header.extend(["_zh", "_en"].map(|l| format!("{name}{l}"))),
            Head::Figure => header.extend(
                ["value", "unit_zh", "unit_en", "qualifier_zh", "qualifier_en", "stated_zh", "stated_en"]
                    .map(String::from),
            ),
            Head::Source => header.extend(["section", "quote"].map(String::from)),
            Head::Reported => {
                header.extend(["reported_year", "reported_value", "reported_share_of_target"].map(String::from))
            }
        }
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    crate::csv::write(&header, rows)
}
