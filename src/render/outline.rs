//! Outlines: a report as a document of blocks (title, headings,
//! paragraphs, grids, lists) before any human format lays it out. What a
//! report shows, in which order and in which words is decided once, in
//! [`reports`](crate::render::reports); the human formats (table, markdown,
//! and next HTML) only lay blocks out, so a new one is one writer of
//! [`Block`]s.
//!
//! An outline holds text only: no borders, no escaping, no markup. It must
//! not compute anything a machine format would need (that is the report's).

use crate::render::table::Grid;
use crate::render::words::Labels;

/// The words a document is told in. The terminal's tables are terse, one
/// line a fact; documents (markdown, HTML) spell things out under headings.
/// Where the two word a report alike, its layout says it once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Compact lines around tables, for a terminal (`--format table`).
    Terminal,
    /// Headings and paragraphs, for documents (`--format markdown`).
    Document,
}

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
    /// A section's heading, `level` 2 or 3 below the title. In the terminal
    /// dialect a section opens with a line after a blank one, so that line
    /// is its heading.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Text),
    Grid(Grid),
    /// A list, one line an item; an empty list still separates blocks.
    List(Vec<Text>),
}

/// A report's document, built in one dialect.
pub type Outline = Vec<Block>;

/// A report that can be told as a document, in a language.
pub trait ToOutline {
    /// The report's document in `dialect`, worded in `labels`' language.
    fn outline_in(&self, dialect: Dialect, labels: Labels) -> Outline;

    /// The report's document in English.
    fn outline(&self, dialect: Dialect) -> Outline {
        self.outline_in(dialect, Labels::default())
    }
}

/// Builds an outline block by block.
#[derive(Debug, Default)]
pub struct Builder {
    pub blocks: Outline,
}

impl Builder {
    pub fn title(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Title(text.into()));
        self
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
        self
    }

    pub fn para(&mut self, text: impl Into<Text>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    pub fn grid(&mut self, grid: Grid) -> &mut Self {
        self.blocks.push(Block::Grid(grid));
        self
    }

    pub fn list(&mut self, items: impl IntoIterator<Item = Text>) -> &mut Self {
        self.blocks.push(Block::List(items.into_iter().collect()));
        self
    }

    pub fn build(self) -> Outline {
        self.blocks
    }
}
