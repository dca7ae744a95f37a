//! The ids of one kind of org.toml table (skills, needs, roles, units,
//! drivers) as they are read: in order, with the line each is defined on,
//! and indexed, so that checking that an id is new and looking one up cost
//! the same for the 100,000th id as for the first (issue 13: scanning every
//! earlier id made 100k skills take 36 s). It reports nothing itself.

use rustc_hash::FxHashMap as HashMap;

/// Ids in the order defined, each with its line.
#[derive(Debug, Default)]
pub struct Ids {
    list: Vec<(String, usize)>,
    /// Id -> its place in `list`.
    index: HashMap<String, usize>,
    /// Lowercased id -> the first id in `list` that lowercases to it.
    folded: HashMap<String, usize>,
}

impl Ids {
    /// The place of `id` in the order defined.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The line `id` is defined on.
    pub fn line(&self, id: &str) -> Option<usize> {
        self.position(id).map(|i| self.list[i].1)
    }

    /// Adds `id` (on `line`) unless it is there already; true when added.
    pub fn push(&mut self, id: &str, line: usize) -> bool {
        if self.index.contains_key(id) {
            return false;
        }
        let at = self.list.len();
        self.index.insert(id.to_string(), at);
        self.folded.entry(id.to_lowercase()).or_insert(at);
        self.list.push((id.to_string(), line));
        true
    }

    /// The first id other than `id` that differs from it only in case,
    /// with its line.
    pub fn same_but_case(&self, id: &str) -> Option<(&str, usize)> {
        let at = *self.folded.get(&id.to_lowercase())?;
        let (other, line) = &self.list[at];
        (other != id).then_some((other.as_str(), *line))
    }

    /// The ids, in the order defined (for did-you-mean).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|(s, _)| s.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found_by_case() {
        let mut ids = Ids::default();
        assert!(ids.push("rust", 3));
        assert!(ids.push("Rust", 7));
        assert!(!ids.push("rust", 9));
        assert_eq!(ids.line("rust"), Some(3));
        assert_eq!(ids.position("Rust"), Some(1));
        assert_eq!(ids.same_but_case("Rust"), Some(("rust", 3)));
        assert_eq!(ids.same_but_case("rust"), None);
        assert_eq!(ids.names().collect::<Vec<_>>(), ["rust", "Rust"]);
    }
}
