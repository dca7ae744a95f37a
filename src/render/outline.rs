//! Outlines: a report as a document of blocks (title, headings,
//! paragraphs, grids, lists) before any human format lays it out. What a
//! report shows, in which order and in which words is decided once, in
//! [`reports`](crate::render::reports); the human formats (table, markdown,
//! and next HTML) only lay blocks out, so a new one is one writer of
//! [`Block`]s.
//!
//! An outline holds text only: no borders, no escaping, no markup. It must
//! not compute anything a machine format would need (that is the report's).

pub use crate::render::table::Dialect;
use crate::render::table::Grid;
use crate::render::words::Labels;

/// A stretch of text, some of it emphasised.
#[derive(Debug, Clone, Default)]
pub struct Text(pub Vec<Span>);

/// A piece of a [`Text`].
#[derive(Debug, Clone)]
pub enum Span {
    Plain(String),
    /// Emphasised (bold in markdown); the terminal shows it plain.
    Strong(String),
}

impl Text {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Text {
        Text(vec![Span::Plain(text.into())])
    }

    /// Adds plain text.
    pub fn and(mut self, text: impl Into<String>) -> Text {
        self.0.push(Span::Plain(text.into()));
        self
    }

    /// Adds emphasised text.
    pub fn strong(mut self, text: impl Into<String>) -> Text {
        self.0.push(Span::Strong(text.into()));
        self
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

/// One block of a document.
#[derive(Debug, Clone)]
pub enum Block {
    /// The document's title (one per document, first).
    Title(String),
    /// A line of context under the title.
    Subtitle(String),
    /// A section's heading, `level` 2 or 3 below the title. In the terminal
    /// dialect a section opens with a line after a blank one, so that line
    /// is its heading.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Text),
    Grid(Grid),
    /// More rows of the grid just before: a long table told in parts, so
    /// that a writer holds one part at a time (issue 27 F18).
    Rows(Vec<Vec<String>>),
    /// A list, one line an item; an empty list still separates blocks.
    List(Vec<Text>),
    /// A page's section: a level-2 heading with an anchor the page's
    /// contents link to. Its blocks follow, up to the next section.
    Section {
        id: &'static str,
        heading: String,
    },
    /// Side by side where there is room (one after another elsewhere).
    Columns(Vec<Outline>),
    /// Key figures: a label, a value and a note each.
    Cards(Vec<Card>),
    /// A table of coloured cells (coverage by skill and unit).
    Heatmap(Heatmap),
    /// Horizontal bars (hours by learning mode, coverage then and now).
    Bars(Vec<Bar>),
    /// What the colours of a heatmap or of bars mean.
    Legend(Vec<(Tone, String)>),
}

/// What a figure's colour says; each format decides the colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    Neutral,
    Good,
    Bad,
    /// A coverage share from 0 to 1, coloured on the coverage scale.
    Coverage(f64),
    /// A coverage band of the legend: 0 (under 25 %) to 4 (100 %).
    Band(u8),
    /// Counted, but no need asks for it.
    NoNeed,
    /// Nothing there (nobody, or hidden by `--min-group`): faded.
    Nothing,
    /// The learning modes.
    Experience,
    Social,
    Formal,
    /// A figure from before (coverage at `--since`).
    Then,
}

/// One key figure.
#[derive(Debug, Clone)]
pub struct Card {
    pub label: String,
    pub value: String,
    pub note: String,
    pub tone: Tone,
}

/// Rows of coloured cells under column headings.
#[derive(Debug, Clone)]
pub struct Heatmap {
    /// The row headings' column heading.
    pub corner: String,
    /// Each column's (parent, name): a unit's path, split at its last '/'.
    pub columns: Vec<(String, String)>,
    pub rows: Vec<HeatRow>,
    /// Narrow columns of short figures (the matrix's levels), so that many
    /// fit the page's width.
    pub narrow: bool,
}

/// A heatmap's row: its heading, a note under it, an id for tests and
/// scripts, and its cells.
#[derive(Debug, Clone)]
pub struct HeatRow {
    pub name: String,
    pub note: String,
    pub id: String,
    pub cells: Vec<HeatCell>,
}

/// A heatmap's cell: its figure, a share under it (or nothing), its
/// colour, and the words a pointer shows.
#[derive(Debug, Clone)]
pub struct HeatCell {
    pub main: String,
    pub share: String,
    pub tone: Tone,
    pub title: String,
}

/// A labelled bar of one or more tracks.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub note: String,
    /// What the bar is of ("need", "unit", "progress") and which one (a
    /// need's id, a unit), for tests and scripts.
    pub kind: &'static str,
    pub key: String,
    pub tracks: Vec<Track>,
    /// A line under the bar (the parts in words), or nothing.
    pub caption: String,
}

/// One track of a bar: its length against the longest (0 to 1), its parts
/// (each a share of the track), the figure after it and a change.
#[derive(Debug, Clone)]
pub struct Track {
    pub length: f64,
    pub parts: Vec<(Tone, f64, String)>,
    pub value: String,
    pub change: String,
}

/// A report's document, built in one dialect.
pub type Outline = Vec<Block>;

/// A report that can be told as a document, in a language.
pub trait ToOutline {
    /// The report's document in `dialect`, worded in `labels`' language.
    fn outline_in(&self, dialect: Dialect, labels: Labels) -> Outline;

    /// The same document block by block into `sink`, each as it is told:
    /// a writer that lays each block out at once then never holds a long
    /// document whole (a plan of every person; issue 27 F18). By default
    /// the whole outline is built first.
    fn tell(&self, dialect: Dialect, labels: Labels, sink: &mut dyn FnMut(Block)) {
        self.outline_in(dialect, labels).into_iter().for_each(sink)
    }
}

/// Builds an outline block by block, or hands each block on as it is
/// added ([`Builder::to`]).
#[derive(Default)]
pub struct Builder<'s> {
    blocks: Outline,
    sink: Option<&'s mut dyn FnMut(Block)>,
}

impl<'s> Builder<'s> {
    /// A builder that gives each block to `sink` as it is added, keeping
    /// none ([`build`](Builder::build) is then empty).
    pub fn to(sink: &'s mut dyn FnMut(Block)) -> Builder<'s> {
        Builder {
            blocks: Vec::new(),
            sink: Some(sink),
        }
    }

    pub fn title(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Title(text.into()))
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.push(Block::Heading {
            level,
            text: text.into(),
        })
    }

    pub fn para(&mut self, text: impl Into<Text>) -> &mut Self {
        self.push(Block::Paragraph(text.into()))
    }

    pub fn grid(&mut self, grid: Grid) -> &mut Self {
        self.push(Block::Grid(grid))
    }

    pub fn list(&mut self, items: impl IntoIterator<Item = Text>) -> &mut Self {
        self.push(Block::List(items.into_iter().collect()))
    }

    pub fn section(&mut self, id: &'static str, heading: impl Into<String>) -> &mut Self {
        self.push(Block::Section {
            id,
            heading: heading.into(),
        })
    }

    pub fn push(&mut self, block: Block) -> &mut Self {
        match &mut self.sink {
            Some(sink) => sink(block),
            None => self.blocks.push(block),
        }
        self
    }

    /// Blocks as they are.
    pub fn extend(&mut self, blocks: Outline) -> &mut Self {
        for block in blocks {
            self.push(block);
        }
        self
    }

    /// A report's document without its opening (title and the line under
    /// it), its headings one level down: a part of a page.
    pub fn part(&mut self, document: Outline) -> &mut Self {
        let body: Outline = document
            .into_iter()
            .skip_while(|b| matches!(b, Block::Title(_)))
            .skip(1)
            .collect();
        self.body(body)
    }

    /// Blocks of a report's document, its headings one level down.
    pub fn body(&mut self, blocks: Outline) -> &mut Self {
        for block in blocks {
            self.push(match block {
                Block::Heading { level, text } => Block::Heading {
                    level: (level + 1).min(6),
                    text,
                },
                b => b,
            });
        }
        self
    }

    pub fn build(self) -> Outline {
        self.blocks
    }
}

/// `outline` in the blocks every format draws (titles, headings,
/// paragraphs, grids, lists), for formats without colour: a section is a
/// heading, columns follow one another, cards and bars are lists, a
/// heatmap is a grid of its figures, and a legend of colours is left out.
pub fn lower(outline: Outline) -> Outline {
    let mut out = Vec::with_capacity(outline.len());
    for block in outline {
        match block {
            Block::Subtitle(text) => out.push(Block::Paragraph(Text::plain(text))),
            Block::Section { heading, .. } => out.push(Block::Heading {
                level: 2,
                text: heading,
            }),
            Block::Columns(columns) => out.extend(columns.into_iter().flat_map(lower)),
            Block::Cards(cards) => out.push(Block::List(
                cards
                    .into_iter()
                    .map(|c| {
                        Text::default()
                            .strong(format!("{}: {}", c.label, c.value))
                            .and(format!(" ({})", c.note))
                    })
                    .collect(),
            )),
            Block::Heatmap(map) => {
                let mut header = vec![map.corner];
                header.extend(map.columns.iter().map(|(p, n)| format!(">{p}{n}")));
                let mut grid = Grid::new(&header);
                for row in map.rows {
                    let mut cells = vec![format!("{} ({})", row.name, row.note)];
                    cells.extend(row.cells.into_iter().map(|c| match c.share.is_empty() {
                        true => c.main,
                        false => format!("{} {}", c.main, c.share),
                    }));
                    grid.push(cells);
                }
                out.push(Block::Grid(grid));
            }
            Block::Bars(bars) => out.push(Block::List(
                bars.into_iter()
                    .map(|b| {
                        let values: Vec<String> = b
                            .tracks
                            .iter()
                            .map(|t| format!("{} {}", t.value, t.change).trim_end().to_string())
                            .collect();
                        let mut text = Text::default().strong(b.label).and(format!(
                            " ({}): {}",
                            b.note,
                            values.join(" -> ")
                        ));
                        if !b.caption.is_empty() {
                            text = text.and(format!("; {}", b.caption));
                        }
                        text
                    })
                    .collect(),
            )),
            Block::Legend(_) => {}
            block => out.push(block),
        }
    }
    out
}

/// `outline` with its grids' values as `labels`' language writes them (a
/// date cell `14.03.2026` in Norwegian); sentences are worded by
/// [`Labels::fill`], which does the same.
pub fn localise(mut outline: Outline, labels: Labels) -> Outline {
    fn grids(blocks: &mut Outline, labels: Labels) {
        for block in blocks {
            match block {
                Block::Grid(Grid { rows, .. }) | Block::Rows(rows) => {
                    for cell in rows.iter_mut().flatten() {
                        if let std::borrow::Cow::Owned(value) = labels.value(cell) {
                            *cell = value;
                        }
                    }
                }
                Block::Columns(columns) => {
                    for column in columns {
                        grids(column, labels);
                    }
                }
                _ => {}
            }
        }
    }
    grids(&mut outline, labels);
    outline
}
