//! Issue 27 F18: `plan --format markdown` and `--format table` are written
//! person by person, as the report tells them, never as one document held
//! whole (at 1M assessment rows that document is 94 MB of text, held
//! several times over as blocks). A counting allocator measures the most
//! that rendering holds at once, against what it writes. One test in this
//! file: the allocator counts every thread of the test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::plan::plan_report;
use kompetanse::load::{LoadOptions, load};
use kompetanse::render::{Format, Style, render};

/// The system allocator, counting the bytes allocated now and at most.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is the system allocator's; the counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `System.alloc`, with the caller's layout.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A writer that counts what it is given and keeps none of it.
struct Count(usize);

impl Write for Count {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_plan_is_written_person_by_person_in_markdown_and_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/virksomhet-x/org.toml");
    let org = load(&path, &LoadOptions::default())
        .org
        .expect("the example loads");
    let mut report = plan_report(&org, &PeopleFilter::default());
    // Many people: the example's plans over and over.
    let plans = report.plans.clone();
    assert!(!plans.is_empty());
    while report.plans.len() < 5000 {
        report.plans.extend(plans.iter().cloned());
    }
    for format in [Format::Markdown, Format::Table] {
        let before = NOW.load(Relaxed);
        PEAK.store(before, Relaxed);
        let mut out = Count(0);
        render(&report, format, Style::default(), &mut out).expect("rendered");
        let held = PEAK.load(Relaxed) - before;
        // Held whole, the document's blocks alone outweigh its text.
        assert!(
            held * 20 < out.0,
            "{format}: held {held} bytes at once to write {}",
            out.0
        );
    }
}
