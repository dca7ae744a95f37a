//! HTML: one self-contained page per report (inline CSS, inline SVG, no
//! script, nothing fetched: a Content-Security-Policy says so to the
//! browser too). Pages are askama templates in `templates/`, compiled into
//! the binary; askama escapes every value put into them, and [`clean`]
//! first makes control characters visible, so a name from a file is always
//! text, never markup or a terminal command.
//!
//! Every report writes its document [`Outline`] here ([`write`]); `report`
//! writes its page's outline, with sections, cards, a heatmap and bars
//! ([`write_outline`]). Every label on a page comes from [`Labels`], so
//! another language is one more catalogue, not an edit of the templates.

use std::io::{self, Write};

use askama::Template;

use crate::render::Style;
use crate::render::outline::{Block, Dialect, Outline, Span, Text, ToOutline, Tone, localise};

pub use crate::render::words::{Key, Labels};

/// A name or text from the files, safe to show: control characters (ESC,
/// BEL, CR, ...) become visible escapes like `\x1b`; a line break becomes
/// a space. Markup is left to the template engine, which escapes it.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {
                let code = u32::from(c);
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else {
                    out.push_str(&format!("\\u{{{code:x}}}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `text` has no control character. Most text has none and is
/// kept whole (a report page at 1M rows cleaned every cell char by char).
/// The controls are bytes below 0x20, 0x7f, and U+0080-U+009F, which start
/// with 0xc2.
fn is_clean(text: &str) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || (b >= 0x80 && b != 0xc2))
}

/// [`clean`] for a text the page may keep: one without a control character
/// is moved, not copied (a report page at 1M rows holds 50 MB of cells).
fn clean_owned(text: String) -> String {
    if is_clean(&text) { text } else { clean(&text) }
}

/// A table's rows as the template shows them, each cell cleaned and
/// aligned as its column (`right`; a cell past the columns on the left),
/// the rows on all cores.
fn table_rows(rows: Vec<Vec<String>>, right: &[bool]) -> Vec<Vec<(String, bool)>> {
    use rayon::prelude::*;
    rows.into_par_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .map(|(i, cell)| (clean_owned(cell), right.get(i).copied().unwrap_or(false)))
                .collect()
        })
        .collect()
}

/// A stretch of text for a template: (emphasised, text).
type Spans = Vec<(bool, String)>;

/// An outline block, cleaned, as the outline template shows it. Sections
/// and columns are opened and closed by parts of their own.
enum Part {
    Heading(u8, String),
    Paragraph(Spans),
    /// Its caption, column headings with their alignment, and rows of cells.
    Table(String, Vec<(String, bool)>, Vec<Vec<(String, bool)>>),
    List(Vec<Spans>),
    Open(&'static str, String),
    Close,
    ColumnsOpen,
    ColumnNext,
    ColumnsClose,
    /// Each card's colour class, and its label, value and note.
    Cards(Vec<(&'static str, [String; 3])>),
    /// Its caption, the corner, the columns (parent, name), the rows.
    Heatmap(String, String, Vec<(String, String)>, Vec<HeatLine>, bool),
    Legend(Vec<(&'static str, String)>),
    Bars(Vec<BarLine>),
}

/// A heatmap row: each cell's colour class, and its figure, share and title.
struct HeatLine {
    name: String,
    note: String,
    id: String,
    cells: Vec<(&'static str, [String; 3])>,
}

struct BarLine {
    label: String,
    note: String,
    kind: &'static str,
    key: String,
    tracks: Vec<TrackLine>,
    caption: String,
}

/// A bar's track: its width in percent, its parts (class, width, words).
struct TrackLine {
    length: String,
    parts: Vec<(&'static str, String, String)>,
    value: String,
    change: String,
}

/// The page of a report's outline.
#[derive(Template)]
#[template(path = "outline.html")]
struct OutlinePage<'a> {
    labels: &'a Labels,
    title: String,
    subtitle: String,
    /// The sections' anchors and headings, for the contents.
    contents: Vec<(&'static str, String)>,
    parts: Vec<Part>,
    /// The last heading: the caption of the tables under it.
    caption: String,
    /// The organisation's language where the page is in another: its
    /// names (the title, row headings, the heatmap's, the bars') say so.
    data_lang: &'static str,
}

fn spans(text: &Text) -> Spans {
    text.0
        .iter()
        .map(|span| match span {
            Span::Plain(s) => (false, clean(s)),
            Span::Strong(s) => (true, clean(s)),
        })
        .collect()
}

/// The colour class of a tone (`templates/style.css`).
fn class(tone: Tone) -> &'static str {
    const BANDS: [&str; 5] = ["c0", "c1", "c2", "c3", "c4"];
    match tone {
        Tone::Neutral => "",
        Tone::Good => "good",
        Tone::Bad => "bad",
        Tone::Coverage(share) => match share {
            s if s >= 1.0 => "c4",
            s if s >= 0.75 => "c3",
            s if s >= 0.5 => "c2",
            s if s >= 0.25 => "c1",
            _ => "c0",
        },
        Tone::Band(band) => BANDS[usize::from(band.min(4))],
        Tone::NoNeed => "cn",
        Tone::Nothing => "cn z",
        Tone::Experience => "exp",
        Tone::Social => "soc",
        Tone::Formal => "for",
        Tone::Then => "was",
    }
}

/// A percentage for a width, from a share.
fn percent(share: f64) -> String {
    format!("{:.2}", (share * 100.0).clamp(0.0, 100.0))
}

/// `blocks` as template parts, after what `parts` holds. One function
/// because it is one `match` over the block kinds, an arm each that only
/// cleans text for its partial in `templates/outline.html`.
fn parts_of(blocks: Outline, page: &mut OutlinePage) {
    for block in blocks {
        let part = match block {
            Block::Title(text) => {
                page.title = clean(&text);
                page.caption = page.title.clone();
                continue;
            }
            Block::Subtitle(text) => {
                page.subtitle = clean(&text);
                continue;
            }
            // The page's title is its h1, so sections start at h2.
            Block::Heading { level, text } => {
                page.caption = clean(&text);
                Part::Heading(level.clamp(2, 6), clean(&text))
            }
            Block::Paragraph(text) => Part::Paragraph(spans(&text)),
            Block::Grid(grid) => {
                let right: Vec<bool> = grid.columns.iter().map(|c| c.right).collect();
                let head = grid
                    .columns
                    .iter()
                    .map(|c| (clean(&c.name), c.right))
                    .collect();
                Part::Table(page.caption.clone(), head, table_rows(grid.rows, &right))
            }
            // More rows of the table before.
            Block::Rows(more) => {
                if let Some(Part::Table(_, head, rows)) = page.parts.last_mut() {
                    let right: Vec<bool> = head.iter().map(|h| h.1).collect();
                    rows.extend(table_rows(more, &right));
                }
                continue;
            }
            Block::List(items) => Part::List(items.iter().map(spans).collect()),
            Block::Section { id, heading } => {
                if !page.contents.is_empty() {
                    page.parts.push(Part::Close);
                }
                page.contents.push((id, clean(&heading)));
                page.caption = clean(&heading);
                Part::Open(id, clean(&heading))
            }
            Block::Columns(columns) => {
                page.parts.push(Part::ColumnsOpen);
                for (i, column) in columns.into_iter().enumerate() {
                    if i > 0 {
                        page.parts.push(Part::ColumnNext);
                    }
                    parts_of(column, page);
                }
                Part::ColumnsClose
            }
            Block::Cards(cards) => Part::Cards(
                cards
                    .iter()
                    .map(|c| {
                        let text = [clean(&c.label), clean(&c.value), clean(&c.note)];
                        (class(c.tone), text)
                    })
                    .collect(),
            ),
            Block::Heatmap(map) => Part::Heatmap(
                page.caption.clone(),
                clean(&map.corner),
                map.columns
                    .iter()
                    .map(|(parent, name)| (clean(parent), clean(name)))
                    .collect(),
                map.rows
                    .iter()
                    .map(|row| HeatLine {
                        name: clean(&row.name),
                        note: clean(&row.note),
                        id: clean(&row.id),
                        cells: row
                            .cells
                            .iter()
                            .map(|c| {
                                let text = [clean(&c.main), clean(&c.share), clean(&c.title)];
                                (class(c.tone), text)
                            })
                            .collect(),
                    })
                    .collect(),
                map.narrow,
            ),
            Block::Legend(items) => Part::Legend(
                items
                    .iter()
                    .map(|(tone, text)| (class(*tone), clean(text)))
                    .collect(),
            ),
            Block::Bars(bars) => Part::Bars(
                bars.iter()
                    .map(|b| BarLine {
                        label: clean(&b.label),
                        note: clean(&b.note),
                        kind: b.kind,
                        key: clean(&b.key),
                        caption: clean(&b.caption),
                        tracks: b
                            .tracks
                            .iter()
                            .map(|t| TrackLine {
                                length: percent(t.length),
                                parts: t
                                    .parts
                                    .iter()
                                    .map(|(tone, share, text)| {
                                        (class(*tone), percent(*share), clean(text))
                                    })
                                    .collect(),
                                value: clean(&t.value),
                                change: clean(&t.change),
                            })
                            .collect(),
                    })
                    .collect(),
            ),
        };
        page.parts.push(part);
    }
}

/// Writes `report`'s document outline as one HTML page.
pub fn write<R: ToOutline + ?Sized, W: Write>(report: &R, style: Style, out: W) -> io::Result<()> {
    let words = crate::render::words::Labels::new(style.lang);
    write_outline(
        localise(report.outline_in(Dialect::Document, words), words),
        style,
        out,
    )
}

/// Writes an outline as one HTML page: its title, the contents when it has
/// sections, and its blocks.
pub fn write_outline<W: Write>(outline: Outline, style: Style, mut out: W) -> io::Result<()> {
    let labels = Labels::new(style.lang);
    let mut page = OutlinePage {
        labels: &labels,
        title: String::new(),
        subtitle: String::new(),
        contents: Vec::new(),
        parts: Vec::new(),
        caption: String::new(),
        data_lang: style
            .data_lang
            .filter(|&code| code != labels.code())
            .unwrap_or(""),
    };
    parts_of(outline, &mut page);
    if !page.contents.is_empty() {
        page.parts.push(Part::Close);
    }
    write_page(&page, &mut out)
}

/// Renders a page into `out`; a template error is an IO error here, as
/// every renderer reports its failures.
pub fn write_page<T: Template, W: Write>(page: &T, out: &mut W) -> io::Result<()> {
    // Streamed through a buffer of its own rather than made whole first:
    // a report page at 1M rows is 57 MB (issue 28).
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    Template::write_into(page, &mut out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(clean("a\u{1b}]0;x\u{7}b"), "a\\x1b]0;x\\x07b");
        assert_eq!(clean("line\rbreak\nnext"), "line break next");
        assert_eq!(clean("\u{9b}2J"), "\\x9b2J");
        assert_eq!(clean("Førstehjelp <b>"), "Førstehjelp <b>");
        // Characters that start with 0xc2 but are no control are kept.
        assert_eq!(clean("§ 3 ° «x» \u{a0}\u{85}"), "§ 3 ° «x» \u{a0}\\x85");
        assert_eq!(clean("\u{7f}\u{9f}é\u{202e}"), "\\x7f\\x9fé\u{202e}");
    }

    /// Table cells are cleaned as every other text is (moved whole when
    /// they need no cleaning), and take their column's alignment; a cell
    /// past the columns is on the left.
    #[test]
    fn table_cells_are_cleaned_and_aligned() {
        let rows = vec![
            vec![
                "Førstehjelp".to_string(),
                "3".to_string(),
                "extra".to_string(),
            ],
            vec!["a\u{1b}[2Jb".to_string(), "line\nbreak".to_string()],
        ];
        assert_eq!(
            table_rows(rows, &[false, true]),
            vec![
                vec![
                    ("Førstehjelp".to_string(), false),
                    ("3".to_string(), true),
                    ("extra".to_string(), false),
                ],
                vec![
                    ("a\\x1b[2Jb".to_string(), false),
                    ("line break".to_string(), true),
                ],
            ]
        );
    }
}
