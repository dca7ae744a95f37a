//! The index from a person's id to the person: an open-addressed table of
//! one 8-byte slot an entry, holding the person and the top half of the
//! id's hash.
//!
//! At millions of people every look into the table is a cache miss. Here
//! a look touches one slot (a general hash table touches a control byte
//! and a slot, two misses), an id is compared only where the hash halves
//! agree, and a reader that knows the next ids can ask for their slots
//! ahead ([`IdIndex::prefetch`]), so that the misses overlap.

/// Hashes an id for the index.
#[inline]
pub fn hash_id(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let h = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(id);
    // FxHash mixes its low bits poorly for ids that differ only in their
    // last bytes; the slot is chosen by the top bits, so mix all of them
    // (MurmurHash3's finaliser).
    let h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Slots taken, at most, per slot: three quarters.
const LOAD: (usize, usize) = (3, 4);

/// An index from id (by its [`hash_id`]) to person (a `u32`).
#[derive(Clone, Default)]
pub struct IdIndex {
    /// `tag << 32 | person + 1`, 0 for an empty slot; at most 2^32. Not a
    /// power of two long: a table just over a power of two in entries
    /// would take twice the memory.
    slots: Vec<u64>,
    len: usize,
}

impl IdIndex {
    /// The tag a slot keeps: the top half of the hash. The home slot is
    /// made of it alone, so a table can grow from the tags.
    #[inline]
    fn tag(hash: u64) -> u64 {
        hash >> 32
    }

    /// The slot an id of `hash` is looked for from: the tag scaled to the
    /// table (a multiply, not a division).
    #[inline]
    fn home(&self, hash: u64) -> usize {
        ((Self::tag(hash) * self.slots.len() as u64) >> 32) as usize
    }

    /// The slot after `at`, the last one followed by the first.
    #[inline]
    fn next(&self, at: usize) -> usize {
        if at + 1 == self.slots.len() {
            0
        } else {
            at + 1
        }
    }

    /// The person whose id has `hash` and for whom `is` says yes.
    #[inline]
    pub fn find(&self, hash: u64, is: impl Fn(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let tag = Self::tag(hash);
        let mut at = self.home(hash);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            let person = (slot as u32).wrapping_sub(1);
            if slot >> 32 == tag && is(person) {
                return Some(person);
            }
            at = self.next(at);
        }
    }

    /// Adds `person` under `hash` unless a person for whom `is` says yes
    /// is there already: `Err` with them then.
    #[inline]
    pub fn insert(&mut self, hash: u64, person: u32, is: impl Fn(u32) -> bool) -> Result<(), u32> {
        self.reserve(1);
        let tag = Self::tag(hash);
        let mut at = self.home(hash);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                self.slots[at] = tag << 32 | (person as u64 + 1);
                self.len += 1;
                return Ok(());
            }
            let found = (slot as u32).wrapping_sub(1);
            if slot >> 32 == tag && is(found) {
                return Err(found);
            }
            at = self.next(at);
        }
    }

    /// Asks the processor to fetch the slot an id of `hash` starts at, for
    /// a look a little later.
    #[inline]
    pub fn prefetch(&self, hash: u64) {
        if self.slots.is_empty() {
            return;
        }
        let slot = &self.slots[self.home(hash)];
        #[cfg(target_arch = "x86_64")]
        // SAFETY: a prefetch reads nothing the program sees; the address
        // is of a slot of the table.
        unsafe {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            _mm_prefetch::<_MM_HINT_T0>((slot as *const u64).cast());
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slot;
    }

    /// Makes room for `more` entries without growing. Entries added one at
    /// a time at least double the table when it grows.
    pub fn reserve(&mut self, more: usize) {
        let wanted = self.len + more;
        if wanted * LOAD.1 <= self.slots.len() * LOAD.0 {
            return;
        }
        let doubled = if more == 1 { self.slots.len() * 2 } else { 0 };
        self.resize(Self::slots_for(wanted).max(doubled));
    }

    /// Gives back slots beyond what its entries need.
    pub fn shrink_to_fit(&mut self) {
        let slots = Self::slots_for(self.len);
        if slots < self.slots.len() {
            self.resize(slots);
        }
    }

    /// The slots `entries` take at the most they may fill.
    fn slots_for(entries: usize) -> usize {
        (entries * LOAD.1).div_ceil(LOAD.0).max(16)
    }

    /// Moves every entry into a table of `slots` slots (at most 2^32: a
    /// home is the tag's share of them).
    fn resize(&mut self, slots: usize) {
        assert!(slots <= 1 << 32, "more than 3 billion ids");
        let old = std::mem::replace(&mut self.slots, vec![0; slots]);
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut at = self.home(slot);
            while self.slots[at] != 0 {
                at = self.next(at);
            }
            self.slots[at] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_and_a_second_one_is_refused() {
        let ids: Vec<String> = (0..100_000).map(|i| format!("p{i:07}")).collect();
        let mut index = IdIndex::default();
        for (i, id) in ids.iter().enumerate() {
            let is = |p: u32| ids[p as usize] == *id;
            assert_eq!(index.insert(hash_id(id), i as u32, is), Ok(()));
        }
        index.shrink_to_fit();
        for (i, id) in ids.iter().enumerate() {
            let is = |p: u32| ids[p as usize] == *id;
            assert_eq!(index.find(hash_id(id), is), Some(i as u32));
            assert_eq!(index.insert(hash_id(id), 7, is), Err(i as u32));
        }
        assert_eq!(index.find(hash_id("nobody"), |_| true), None);
        // Every hash the same: the ids are told apart by `is`.
        let mut same = IdIndex::default();
        for (i, id) in ids.iter().take(100).enumerate() {
            let is = |p: u32| ids[p as usize] == *id;
            assert_eq!(same.insert(42, i as u32, is), Ok(()));
        }
        for (i, id) in ids.iter().take(100).enumerate() {
            assert_eq!(same.find(42, |p| ids[p as usize] == *id), Some(i as u32));
        }
    }

    #[test]
    fn ids_that_differ_in_their_last_byte_spread_over_the_table() {
        let mut homes = std::collections::HashSet::new();
        let index = {
            let mut index = IdIndex::default();
            index.reserve(1 << 16);
            index
        };
        for i in 0..1000 {
            homes.insert(index.home(hash_id(&format!("p{i:07}"))));
        }
        assert!(homes.len() > 950, "{} homes of 1000", homes.len());
    }
}
