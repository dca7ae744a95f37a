//! Pure functions from the model to report values. Nothing here reads files
//! or prints; everything here is deterministic (no hash-map iteration order
//! reaches a report).

pub mod gap;
pub mod role;
