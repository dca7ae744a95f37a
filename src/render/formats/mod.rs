//! Formats: one file per output format, each laying out what every report
//! gives it: a document [`Outline`](crate::render::outline::Outline)
//! (terminal, markdown, HTML), typed rows (CSV) or sheets (XLSX) from
//! [`table`](crate::render::table), or the report value itself (JSON).
//! A format imports only `table`, `outline` and `words`, and never names a
//! report: a new format is one file here and a line in
//! [`render`](crate::render::render).

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod terminal;
pub mod xlsx;
