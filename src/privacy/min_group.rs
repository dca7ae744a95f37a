//! `--min-group N`: aggregates of fewer than N people suppressed.
