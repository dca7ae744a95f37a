//! `kompetanse` finds an organisation's competence gaps.
//!
//! An organisation describes its forward-looking needs in `org.toml`
//! (*kompetansegap*) and its people's assessed levels in CSV files
//! (*kompetansesaldo*). Data flows one way: [`load`] reads and validates the
//! files into a [`model::Organisation`], [`analysis`] computes report values
//! ([`report`]), and [`render`] writes them as tables, markdown, JSON or
//! CSV through one dispatch, [`render::render`]. Every command opens its
//! organisation one way, [`inputs::open`]: loaded, `--without` applied,
//! pseudonymised, with the diagnostics as data.
//!
//! ```
//! use kompetanse::{analysis::gap::{gap_report, GapFilter}, inputs};
//! let opened = inputs::open(&inputs::Inputs::new("examples/tiny/org.toml"));
//! let org = opened.org.expect("the tiny example is valid");
//! let report = gap_report(&org, &GapFilter::default());
//! assert_eq!(report.totals.needs, org.needs.len());
//! ```

pub mod analysis;
pub mod catalogue;
pub mod cli;
pub mod diagnostics;
pub mod init;
pub mod inputs;
pub mod load;
pub mod model;
pub mod privacy;
pub mod render;
pub mod report;
pub mod suggest;
pub mod survey;
