//! Issue 28: people.csv's index of ids is sized for the people the file
//! holds, estimated from its first block, never from its lines. A file of
//! blank lines (Excel's padding, or hostile input) must not make room for
//! a person a line: at about 20 bytes a person, 100 MB of line breaks
//! would reserve 2 GiB before a row is read. A counting allocator measures
//! what loading holds at most. One test in this file: the allocator
//! counts every thread of the test binary.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use common::Fixture;

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

#[test]
fn a_people_file_of_blank_lines_makes_no_room_for_them() {
    const BLANK: usize = 4_000_000;
    let mut people = String::from("id,name\np1,Ada\n");
    people.push_str(&"\n".repeat(BLANK));
    people.push_str("p2,Bo\n");
    let fixture = Fixture::standard(
        "[[skill]]\nid = \"rust\"\nname = \"Rust\"\n",
        &people,
        "person,skill,level\n",
    );
    drop(people);
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let loaded = fixture.loaded(&Default::default());
    let held = PEAK.load(Relaxed) - before;
    let org = loaded.org.expect("the file loads");
    assert_eq!(org.people.len(), 2);
    assert_eq!(org.people.find("p2"), Some(1));
    // The 4 MB file is held whole while it is read, and a few 2 MB blocks
    // of it are in flight. Room for a person a line would be about 80 MB.
    assert!(held < 40 << 20, "loading held {} MiB at most", held >> 20);
}
