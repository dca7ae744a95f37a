//! Benchmarks (divan): loading, gap analysis and rendering.
//!
//! ```text
//! cargo bench                   # everything, well under a minute
//! cargo bench -- load           # only benchmarks whose path contains "load"
//! cargo bench -- --list         # what there is
//! ```
//!
//! The synthetic organisations come from the generator of
//! `examples/generate.rs` (20 skills, 200 needs, seed 1, as `bench/compare.sh`
//! uses it), generated on first use into one temporary directory per process,
//! which is removed when the run ends. Each organisation is generated, loaded
//! and analysed at most once outside the timed loops.
//!
//! For whole-program timings against `wc -l` and the pandas baseline, see
//! `bench/compare.sh`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::load::{LoadOptions, Loaded, load};
use kompetanse::model::Organisation;
use kompetanse::render::Format;
use kompetanse::report::GapReport;

#[allow(dead_code)]
#[path = "../examples/generate.rs"]
mod generate;

fn main() {
    divan::main();
    // Statics are never dropped: remove the generated data explicitly.
    if let Ok(mut root) = ROOT.lock() {
        drop(root.take());
    }
}

/// The temporary directory all generated organisations go into.
static ROOT: Mutex<Option<tempfile::TempDir>> = Mutex::new(None);

/// A generated organisation on disk.
struct Dataset {
    org_toml: PathBuf,
    /// Assessment rows written.
    rows: u64,
}

/// Generates `people` x 20 skills (about 16 assessment rows per person) and
/// 200 needs into `<ROOT>/<name>`.
fn generate(name: &str, people: u64) -> Dataset {
    let mut root = ROOT.lock().expect("bench data lock");
    let root = root.get_or_insert_with(|| {
        tempfile::Builder::new()
            .prefix("kompetanse-bench-")
            .tempdir()
            .expect("create a temporary directory")
    });
    let out = root.path().join(name);
    let args = generate::Args {
        people,
        skills: 20,
        needs: 200,
        out: out.clone(),
        seed: 1,
        edge_cases: false,
    };
    let (rows, _) = generate::run(&args).expect("generate the benchmark organisation");
    Dataset {
        org_toml: out.join("org.toml"),
        rows,
    }
}

/// About 100 000 assessment rows.
static ROWS_100K: LazyLock<Dataset> = LazyLock::new(|| generate("100k", 6_250));
/// About 1 000 000 assessment rows.
static ROWS_1M: LazyLock<Dataset> = LazyLock::new(|| generate("1m", 62_500));
static ORG_1M: LazyLock<Organisation> = LazyLock::new(|| valid(&ROWS_1M.org_toml));
static REPORT_1M: LazyLock<GapReport> =
    LazyLock::new(|| gap_report(&ORG_1M, &GapFilter::default()));

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tiny/org.toml");

fn load_default(path: &Path) -> Loaded {
    load(path, &LoadOptions::default())
}

/// Loads an organisation that must be valid (so that no benchmark measures
/// an error path by accident).
fn valid(path: &Path) -> Organisation {
    let loaded = load_default(path);
    match loaded.org {
        Some(org) => org,
        None => panic!("{} does not load: {:?}", path.display(), loaded.diagnostics),
    }
}

/// `load::load`: org.toml, people.csv and the assessments, validated.
mod load {
    use super::*;

    /// examples/tiny: the fixed cost of reading an organisation.
    #[divan::bench]
    fn tiny(bencher: Bencher) {
        let path = Path::new(TINY);
        valid(path);
        bencher.bench(|| load_default(black_box(path)));
    }

    /// A generated organisation of about 100 000 assessment rows.
    #[divan::bench]
    fn rows_100k(bencher: Bencher) {
        let data = &*ROWS_100K;
        valid(&data.org_toml);
        bencher
            .counter(ItemsCount::new(data.rows))
            .bench(|| load_default(black_box(&data.org_toml)));
    }
}

/// `gap_report` on an organisation of about 1 000 000 rows, loaded once.
mod analysis {
    use super::*;

    /// Every need (200) evaluated, sorted and totalled.
    #[divan::bench]
    fn gap_1m(bencher: Bencher) {
        let org = &*ORG_1M;
        bencher
            .counter(ItemsCount::new(org.needs.len()))
            .bench(|| gap_report(black_box(org), &GapFilter::default()));
    }
}

/// The gap report of the 1 000 000-row organisation, rendered into a sink;
/// the counter is the size of the output.
mod render {
    use super::*;

    /// Output size in bytes of one rendering.
    fn size(write: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> BytesCount {
        let mut out = Vec::new();
        write(&mut out).expect("render into memory");
        BytesCount::new(out.len())
    }

    #[divan::bench]
    fn json(bencher: Bencher) {
        let report = &*REPORT_1M;
        let write = |out: &mut dyn io::Write| kompetanse::render::json::write(report, out);
        bencher
            .counter(size(|v| write(v)))
            .bench(|| write(&mut io::sink()).expect("render"));
    }

    #[divan::bench]
    fn csv(bencher: Bencher) {
        let report = &*REPORT_1M;
        let write = |out: &mut dyn io::Write| {
            kompetanse::render::render(report, Format::Csv, Default::default(), out)
        };
        bencher
            .counter(size(|v| write(v)))
            .bench(|| write(&mut io::sink()).expect("render"));
    }

    #[divan::bench]
    fn table(bencher: Bencher) {
        let report = &*REPORT_1M;
        let style = kompetanse::render::Style::default();
        let write =
            |out: &mut dyn io::Write| kompetanse::render::render(report, Format::Table, style, out);
        bencher
            .counter(size(|v| write(v)))
            .bench(|| write(&mut io::sink()).expect("render"));
    }
}
