//! Issue 27 F18: `plan --format markdown` and `--format table`, and `gap
//! --by person --format markdown`, are written person by person, as the
//! report tells them, never as one document held whole (at 1M assessment
//! rows the plan is 94 MB of text, held several times over as blocks). A counting allocator measures the most
//! that rendering holds at once, against what it writes. One test in this
//! file: the allocator counts every thread of the test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::plan::plan_report;
use kompetanse::analysis::role::person_report;
use kompetanse::load::{LoadOptions, load};
use kompetanse::render::{Format, Render, Style, render};

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

/// What rendering `report` in `format` held at most at once, and wrote.
fn held_and_written<R: Render>(report: &R, format: Format) -> (usize, usize) {
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let mut out = Count(0);
    render(report, format, Style::default(), &mut out).expect("rendered");
    (PEAK.load(Relaxed) - before, out.0)
}

#[test]
fn plans_and_role_gaps_are_written_person_by_person() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/virksomhet-x/org.toml");
    let org = load(&path, &LoadOptions::default())
        .org
        .expect("the example loads");
    // Many people: the example's over and over.
    let mut plan = plan_report(&org, &PeopleFilter::default());
    let plans = plan.plans.clone();
    let mut gaps = person_report(&org, &PeopleFilter::default());
    let people = gaps.people.clone();
    assert!(!plans.is_empty() && !people.is_empty());
    while plan.plans.len() < 5000 {
        plan.plans.extend(plans.iter().cloned());
    }
    while gaps.people.len() < 20000 {
        gaps.people.extend(people.iter().cloned());
    }
    let runs = [
        ("plan", held_and_written(&plan, Format::Markdown)),
        ("plan", held_and_written(&plan, Format::Table)),
        ("gap --by person", held_and_written(&gaps, Format::Markdown)),
    ];
    for (what, (held, written)) in runs {
        // Held whole, a document's blocks alone outweigh its text.
        assert!(
            held * 20 < written,
            "{what}: held {held} bytes at once to write {written}"
        );
    }
}
